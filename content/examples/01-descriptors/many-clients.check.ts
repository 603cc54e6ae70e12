// The check for the many-clients exercise.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: 1,500 connections accepted and held. */
export function check(run: RunResult): Verdict {
  const ok = syscalls(run, { name: 'accept' }).filter((e) => (e.ret ?? -1) >= 0);
  const failed = syscalls(run, { name: 'accept', errno: 'EMFILE' });
  if (failed.length > 0) {
    const last = ok.at(-1)?.ret;
    return { ok: false, message: `accept() failed with EMFILE after ${ok.length} connections: the last descriptor it handed out was ${last}, and the next would not be below the soft RLIMIT_NOFILE.` };
  }
  if (ok.length < 1500) return { ok: false, message: `Only ${ok.length} of the 1,500 connections were accepted.` };
  return { ok: true, message: `All 1,500 connections accepted; the highest descriptor is ${Math.max(...ok.map((e) => e.ret!))}.` };
}
