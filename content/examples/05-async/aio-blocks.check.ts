// The check for the "Linux AIO that blocks" exercise.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: io_submit returns in under 50 µs, and the eight reads each return 4096 bytes. */
export function check(run: RunResult): Verdict {
  const [submit] = syscalls(run, { name: 'io_submit' });
  if (!submit) return { ok: false, message: 'The program never called io_submit().' };
  if (submit.ret !== 8) return { ok: false, message: `io_submit() queued ${submit.ret} requests; it should queue all 8.` };
  const results = run.output.map((o) => o.text).join('');
  const ok = /results: (4096 ){7}4096/.test(results);
  const us = submit.dur / 1000;
  if (us >= 50) {
    const sleeps = run.events.filter((e) => e.cat === 'wait' && e.tid === submit.tid && e.t >= submit.t && e.t < submit.t + submit.dur).length;
    return { ok: false, message: `io_submit() took ${us.toFixed(1)} µs and slept ${sleeps} times waiting for the disk: it did the reads itself. The goal is under 50 µs.` };
  }
  if (!ok) return { ok: false, message: 'io_submit() returned at once, but the reads did not all return 4096 bytes.' };
  return { ok: true, message: `io_submit() took ${us.toFixed(1)} µs: it only queued the eight reads, and all eight returned 4096 bytes.` };
}
