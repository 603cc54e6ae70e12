// The exercise on irq-handler-wrong.ts: keep the 100 µs wait for the slow bus, but do
// it where sleeping is allowed, so that every reading reaches the program.
import type { RunResult, Verdict } from 'inside-io';

export function check(run: RunResult): Verdict {
  if (run.stop.reason === 'bug') {
    return { ok: false, message: `${run.stop.message.split('.')[0]}${run.stop.line ? ` (line ${run.stop.line})` : ''}: something still sleeps in interrupt context.` };
  }
  const lines = run.output.map((o) => o.text).join('').split('\n').filter((l) => l.startsWith('temperature:'));
  if (lines.length < 5) return { ok: false, message: `The program printed ${lines.length} of the 5 readings (${run.stop.message}).` };
  const sleeps = run.events.filter((e) => e.cat === 'wait' && e.name === 'msleep' && e.dur >= 100_000);
  const kworkers = new Set(run.threads.filter((t) => t.name.startsWith('kworker')).map((t) => t.tid));
  const inThreads = sleeps.filter((e) => kworkers.has(e.tid!));
  if (inThreads.length < 5) {
    return { ok: false, message: `All five readings arrived, but the driver waited for the bus only ${inThreads.length} time${inThreads.length === 1 ? '' : 's'}: keep the msleep(0.1) for every reading, in a bottom half that runs in a thread.` };
  }
  return { ok: true, message: `Five readings, each after a 100 µs msleep() in ${[...kworkers].map((t) => run.threads.find((x) => x.tid === t)!.name).join(', ')}, a kernel thread where sleeping is allowed.` };
}
