// The check for the thundering-herd exercise (herd-fix.ts).
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: all three connections served, every worker still watching, and no worker woken for nothing. */
export function check(run: RunResult): Verdict {
  const adds = syscalls(run, { name: 'epoll_ctl' }).filter((e) => e.args?.[1] === 'EPOLL_CTL_ADD' && e.ret === 0);
  if (adds.length < 4) return { ok: false, message: `Only ${adds.length} worker${adds.length === 1 ? '' : 's'} watch the listener; all four must keep waiting for connections.` };
  const served = syscalls(run, { name: 'accept4' }).filter((e) => (e.ret ?? -1) >= 0).length;
  const lost = syscalls(run, { name: 'accept4', errno: 'EAGAIN' }).length;
  if (served < 3) return { ok: false, message: `${served} of the 3 connections were accepted.` };
  if (lost > 0) {
    return { ok: false, message: `${lost} accept4() call${lost === 1 ? '' : 's'} failed with EAGAIN: for 3 connections, workers were woken ${served + lost} times, and all but one of each herd found nothing to accept.` };
  }
  return { ok: true, message: `3 connections, 3 wakeups, no accept4() in vain: each connection woke one worker.` };
}
