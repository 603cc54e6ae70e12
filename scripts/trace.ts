// npm run trace -- content/examples/02-blocking/blocking-read.ts [--format text|chrome|json] [--out FILE]
// Runs a program on the simulated kernel and prints its trace: strace-style text
// (default), Chrome Trace Event JSON (open it in https://ui.perfetto.dev), or the raw events.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as sim from '../sim/index';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const format = opt('--format') ?? 'text';
if (!file || !['text', 'chrome', 'json'].includes(format)) {
  console.error('usage: npm run trace -- <program.ts> [--format text|chrome|json] [--out FILE]');
  process.exit(2);
}
const r = await sim.runSource(readFileSync(file, 'utf8'), { [sim.SIM_MODULE]: sim }, { file: basename(file) });
if (!r.ok) {
  console.error(`${file}${r.error.line ? `:${r.error.line}` : ''}: ${r.error.message}`);
  process.exit(1);
}
const res = r.result;
let out: string;
if (format === 'chrome') out = sim.toChromeTrace(res);
else if (format === 'json') out = JSON.stringify({ cpus: res.cpus, end: res.end, stop: res.stop, threads: res.threads, events: res.events }, null, 1);
else {
  const s = sim.computeStats(res);
  out = [
    sim.formatStrace(res.events),
    '',
    `# ${res.stop.message}`,
    ...res.errors.map((e) => `# error${e.line ? ` at line ${e.line}` : ''}: ${e.message}`),
    `# ${s.syscalls} system calls, ${s.contextSwitches} context switches, ${s.bytesToUser} bytes copied to user and ${s.bytesFromUser} from user`,
    `# CPU time: user ${sim.formatDuration(s.cpu.user)}, system ${sim.formatDuration(s.cpu.system)}, idle ${sim.formatDuration(s.cpu.idle)} over ${sim.formatDuration(res.end)} on ${res.cpus} CPUs`,
    ...res.output.map((o) => `# ${o.fd === 2 ? 'stderr' : 'stdout'}: ${o.text.replace(/\n$/, '')}`),
  ].join('\n');
}
const dest = opt('--out');
if (dest) {
  writeFileSync(dest, out + '\n');
  console.error(`wrote ${dest}`);
} else console.log(out);
