// Answers to the predictions about uring-sqpoll.ts, read from a run.
import { syscalls, computeStats, type RunResult } from 'inside-io';

/** Prediction: how many times does the program call io_uring_enter() for its 256 reads? */
export function enterCount(run: RunResult) {
  const n = syscalls(run, { name: 'io_uring_enter' }).length;
  const all = computeStats(run).syscalls;
  return { value: n, explain: `io_uring_enter() was called ${n} time${n === 1 ? '' : 's'}; the whole run made ${all} system calls.` };
}
