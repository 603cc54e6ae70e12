// npm run trace -- content/examples/02-blocking/blocking-read.ts [--format text|chrome|json] [--out FILE] [--set NAME=VALUE ...]
// Runs a program on the simulated kernel and prints its trace: strace-style text
// (default), Chrome Trace Event JSON (open it in https://ui.perfetto.dev), or the raw events.
// --set changes a parameter the program declares (params) or a world field ("cpus=1",
// "costs.contextSwitch=0", "clients.0.count=100"), as <ScalingChart> and the playground do.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as sim from '../sim/index';
import { runSet } from '../components/lab/run-set';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const set: Record<string, sim.ParamValue> = {};
args.forEach((a, i) => {
  if (a !== '--set') return;
  const m = /^([\w.]+)=(.*)$/.exec(args[i + 1] ?? '');
  if (!m) {
    console.error(`--set needs NAME=VALUE, not ${args[i + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  const v = m[2]!;
  set[m[1]!] = v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
});
const format = opt('--format') ?? 'text';
if (!file || !['text', 'chrome', 'json'].includes(format)) {
  console.error('usage: npm run trace -- <program.ts> [--format text|chrome|json] [--out FILE] [--set NAME=VALUE ...]');
  process.exit(2);
}
let r: sim.SourceRun;
try {
  [r] = (await runSet([{ file: basename(file), source: readFileSync(file, 'utf8') }], { world: 'own', set })) as [sim.SourceRun];
} catch (err) {
  console.error(`${file}: ${(err as Error).message}`);
  process.exit(1);
}
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
