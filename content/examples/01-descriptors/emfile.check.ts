// The answer to the prediction about emfile.ts, read from a run.
import { syscalls, type RunResult } from 'inside-io';

/** How many sockets did the loop create before socket() failed? */
export function socketsMade(run: RunResult) {
  const made = syscalls(run, { name: 'socket' }).filter((e) => (e.ret ?? -1) >= 0);
  const failed = syscalls(run, { name: 'socket' }).find((e) => e.ret === -1);
  return {
    value: made.length,
    explain: `socket() returned ${made.map((e) => e.ret).join(', ')}${failed ? `, then failed with ${failed.errno}` : ''}: descriptors 0, 1 and 2 were already taken, and a descriptor must be below the limit of 8.`,
  };
}
