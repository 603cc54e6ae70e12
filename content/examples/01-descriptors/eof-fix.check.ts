// The check for the end-of-file exercise.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: the parent gets the child's 14 bytes, then end of file, and the program ends. */
export function check(run: RunResult): Verdict {
  const out = run.output.map((o) => o.text).join('');
  const reads = syscalls(run, { name: 'read', tid: 1 });
  const got = reads.reduce((n, e) => n + Math.max(0, e.ret ?? 0), 0);
  if (run.stop.reason === 'blocked') {
    return { ok: false, message: `The parent read ${got} bytes and then slept in read() forever: the pipe still has a writer, so it never reaches end of file. Who still holds descriptor 4?` };
  }
  if (got !== 14 || !out.includes('end of file after 14 bytes')) {
    return { ok: false, message: `The parent must read all 14 bytes the child writes and then see end of file; it read ${got}.` };
  }
  return { ok: true, message: `The parent read 14 bytes in ${reads.length - 1} read() calls, then one more that returned 0: every write end was closed.` };
}
