// Answers to the predictions about lt-et.ts, read from a finished run.
import { syscalls, type RunResult } from 'inside-io';

/** Prediction: how many times does epoll_wait() report the pipe? */
export function wakeups(run: RunResult) {
  const waits = syscalls(run, { name: 'epoll_wait' });
  const reported = waits.filter((e) => (e.ret ?? 0) > 0).length;
  const read = syscalls(run, { name: 'read' }).reduce((sum, e) => sum + Math.max(0, e.ret ?? 0), 0);
  return {
    value: reported,
    explain: `epoll_wait() reported the pipe ${reported} time${reported === 1 ? '' : 's'}, and the program read ${read} of the 100 bytes; the last of its ${waits.length} calls timed out.`,
  };
}
