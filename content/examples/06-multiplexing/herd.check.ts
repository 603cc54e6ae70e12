// Answers to the predictions about herd.ts, read from a finished run.
import { syscalls, type RunResult } from 'inside-io';

/** Prediction: how many of the four workers wake up for the one connection? */
export function workersWoken(run: RunResult) {
  const woken = syscalls(run, { name: 'epoll_wait' }).filter((e) => (e.ret ?? 0) > 0).length;
  const lost = syscalls(run, { name: 'accept4', errno: 'EAGAIN' }).length;
  return {
    value: woken,
    explain: `${woken} worker${woken === 1 ? '' : 's'} returned from epoll_wait() for one connection; ${lost} of them then got EAGAIN from accept4().`,
  };
}
