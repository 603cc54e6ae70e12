// The check for the write-without-waiting exercise.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: the main thread's write() of 200,000 bytes to the socket returns without sleeping; the receiver still gets it all. */
export function check(run: RunResult): Verdict {
  const w = syscalls(run, { name: 'write', tid: 1 }).find((e) => e.args?.[2] === '200000');
  if (!w || w.ret !== 200_000) return { ok: false, message: 'The main thread must still write 200,000 bytes to the sending socket in one write().' };
  const sleeps = run.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.t >= w.t && e.t < w.t + w.dur);
  if (sleeps.length > 0) {
    const slept = sleeps.reduce((n, e) => n + e.dur, 0);
    return { ok: false, message: `write() slept ${sleeps.length} time${sleeps.length === 1 ? '' : 's'} in ${sleeps[0]!.name}, ${(slept / 1000).toFixed(0)} µs in all: the send buffer filled up before all 200,000 bytes were copied.` };
  }
  const read = syscalls(run, { name: 'read', tid: 2 }).reduce((n, e) => n + Math.max(0, e.ret ?? 0), 0);
  if (read !== 200_000) return { ok: false, message: `The receiver got ${read} of the 200,000 bytes.` };
  return { ok: true, message: `write() returned 200,000 after ${(w.dur / 1000).toFixed(1)} µs without sleeping; the receiver read the bytes later, from the kernel's buffers.` };
}
