// Answers to the prediction about reactor-blocking.ts, read from a finished run.
import { syscalls, type RunResult } from 'inside-io';

/** Prediction: how many descriptors does the first epoll_wait() after the 50 ms handler report? */
export function readyAfterStall(run: RunResult) {
  const calls = syscalls(run, { tid: 1 });
  // The stall: the longest stretch of the loop's thread without a system call.
  let end = 0;
  let gap = -1;
  for (let i = 1; i < calls.length; i++) {
    const from = calls[i - 1]!.t + calls[i - 1]!.dur;
    if (calls[i]!.t - from > gap) [gap, end] = [calls[i]!.t - from, calls[i]!.t];
  }
  const next = syscalls(run, { name: 'epoll_wait', tid: 1 }).find((e) => e.t >= end);
  const n = next?.ret ?? 0;
  return {
    value: n,
    explain: `The loop was away from epoll_wait() for ${(gap / 1e6).toFixed(1)} ms; the next call reported ${n} ready descriptor${n === 1 ? '' : 's'} at once.`,
  };
}
