// The check for the edge-triggered exercise (et-fix.ts).
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: all 200 bytes read, still edge-triggered, and no read that blocks. */
export function check(run: RunResult): Verdict {
  const ctl = syscalls(run, { name: 'epoll_ctl' });
  if (!ctl.some((e) => String(e.args?.[3] ?? '').includes('EPOLLET'))) {
    return { ok: false, message: 'The pipe must stay edge-triggered: keep EPOLLET in its epoll_ctl() events.' };
  }
  const total = syscalls(run, { name: 'read' }).reduce((sum, e) => sum + Math.max(0, e.ret ?? 0), 0);
  const blocked = run.events.filter((e) => e.cat === 'wait' && e.name === 'pipe_read').length;
  if (blocked > 0) {
    return { ok: false, message: `A read() went to sleep on the empty pipe (${blocked} time${blocked === 1 ? '' : 's'}) instead of returning EAGAIN: the descriptor is blocking.` };
  }
  if (total < 200) {
    return { ok: false, message: `Only ${total} of the 200 bytes were read: after an edge-triggered event, what is left in the pipe is never reported again.` };
  }
  const eagain = syscalls(run, { name: 'read', errno: 'EAGAIN' }).length;
  return { ok: true, message: `All 200 bytes read with EPOLLET; ${eagain} read() call${eagain === 1 ? '' : 's'} ended a drain with EAGAIN.` };
}
