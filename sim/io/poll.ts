// poll(2), after fs/select.c (do_sys_poll → do_poll → do_pollfd).
//
// Like select, but with an array of { fd, events, revents }: events go in, revents come
// out, so the array need not be rebuilt, and there is no FD_SETSIZE. Every call still
// copies the whole array in, polls every entry, and copies the results back.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { EFAULT, EINVAL } from '../kernel/errno.js';
import { POLLERR, POLLHUP, POLLNVAL } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';
import { PollWaitTable, vfsPoll } from './poll-wait.js';

/** struct pollfd. A negative fd is skipped (its revents is 0). */
export interface PollFd {
  fd: number;
  events: number;
  revents: number;
}

/** do_sys_poll(): timeout in milliseconds; negative waits for ever, 0 never waits. */
export function* sysPoll(k: Kernel, t: Thread, fds: PollFd[], nfds: number, timeoutMs: number): KGen<number> {
  yield* work(k.costs.fileOp);
  if (!Number.isInteger(nfds) || nfds < 0 || nfds > t.process.fds.limit) return -EINVAL;
  if (!Array.isArray(fds) || fds.length < nfds) {
    if (Array.isArray(fds)) k.hint(t, `poll(): nfds is ${nfds} but the array has ${fds.length} entries; in C the kernel would read past it.`);
    return -EFAULT;
  }
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs)) return -EINVAL;
  const entries = fds.slice(0, nfds);
  for (const p of entries) if (typeof p !== 'object' || p === null || !Number.isInteger(p.fd)) return -EFAULT;
  yield* copyFromUser(k, 8 * nfds);
  const deadline = timeoutMs < 0 ? null : k.now + Math.round(timeoutMs * 1e6);
  const count = yield* doPoll(k, t, entries, deadline);
  yield* copyToUser(k, 2 * nfds); // only the revents fields are written back
  return count;
}

/** do_poll(). */
function* doPoll(k: Kernel, t: Thread, entries: PollFd[], deadline: number | null): KGen<number> {
  const table = new PollWaitTable(k, t);
  let timedOut = deadline !== null && deadline <= k.now;
  if (timedOut) table.registering = false;
  try {
    for (;;) {
      const start = k.now;
      const before = table.registered;
      let count = 0;
      for (const p of entries) {
        // do_pollfd().
        if (p.fd < 0) {
          p.revents = 0;
          continue;
        }
        const e = t.process.fds.get(p.fd);
        let mask = POLLNVAL;
        if (e) {
          const filter = (p.events & 0xffff) | POLLERR | POLLHUP;
          table.key = filter;
          mask = vfsPoll(k, e.file, table) & filter;
        }
        p.revents = mask;
        if (mask) {
          count++;
          table.registering = false;
        }
      }
      const registered = table.registered - before;
      yield* work(entries.length * k.costs.pollPerFd + registered * k.costs.pollWaitEntry);
      k.emit({ t: start, dur: k.now - start, cat: 'io', name: 'poll scan', pid: t.process.pid, tid: t.tid, detail: { fds: entries.length, ready: count, registered } });
      table.registering = false;
      if (count > 0 || timedOut) return count;
      if ((yield* table.sleep('do_poll', deadline)) === 'timeout') timedOut = true;
    }
  } finally {
    table.free();
  }
}
