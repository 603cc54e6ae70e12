// The epoll system calls (fs/eventpoll.c): epoll_create1, epoll_ctl (do_epoll_ctl),
// epoll_wait (do_epoll_wait → ep_poll).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile } from '../kernel/file.js';
import { EBADF, EEXIST, EFAULT, EINVAL, ELOOP, ENOENT, EPERM } from '../kernel/errno.js';
import { O_RDWR } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from '../kernel/poll.js';
import { EventPoll, type EpollEvent } from './epoll.js';
import { EPOLL_CLOEXEC, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, EPOLLET, EPOLLEXCLUSIVE, EPOLLWAKEUP } from './flags.js';

/** EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event). */
export const EP_MAX_EVENTS = Math.floor(2147483647 / 12);
/** EPOLLEXCLUSIVE_OK_BITS: what EPOLLEXCLUSIVE may be combined with. */
const EXCLUSIVE_OK_BITS = (POLLIN | POLLOUT | POLLERR | POLLHUP | EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE) >>> 0;

/** do_epoll_create(). */
export function* sysEpollCreate1(k: Kernel, t: Thread, flags: number): KGen<number> {
  yield* work(k.costs.fileOp * 2);
  if (!Number.isInteger(flags) || flags & ~EPOLL_CLOEXEC) return -EINVAL;
  const ep = new EventPoll(k, k.allocInode(), -1, t.process.pid);
  const file = new OpenFile(ep, O_RDWR);
  const fd = t.process.fds.install(file, (flags & EPOLL_CLOEXEC) !== 0);
  if (fd < 0) file.put(k);
  else ep.fd = fd;
  return fd;
}

/** epoll_create(): size is ignored but must be positive. */
export function* sysEpollCreate(k: Kernel, t: Thread, size: number): KGen<number> {
  if (!(size > 0)) return -EINVAL;
  return yield* sysEpollCreate1(k, t, 0);
}

/** do_epoll_ctl(): the checks in the kernel's order, then ep_insert / ep_remove / ep_modify. */
export function* sysEpollCtl(k: Kernel, t: Thread, epfd: number, op: number, fd: number, event: EpollEvent | null | undefined): KGen<number> {
  yield* work(k.costs.epollCtl);
  const hasEvent = op !== EPOLL_CTL_DEL;
  if (hasEvent && (typeof event !== 'object' || event === null)) return -EFAULT; // copy_from_user
  const fds = t.process.fds;
  const f = fds.get(epfd);
  if (!f) return -EBADF;
  const tf = fds.get(fd);
  if (!tf) return -EBADF;
  if (!tf.file.obj.poll) return -EPERM; // file_can_poll(): regular files, /dev/null...
  const ep = f.file.obj;
  if (f.file === tf.file || !(ep instanceof EventPoll)) return -EINVAL;
  let events = hasEvent ? Number(event!.events) >>> 0 : 0;
  if (hasEvent && events & EPOLLEXCLUSIVE) {
    if (op === EPOLL_CTL_MOD) return -EINVAL;
    if (op === EPOLL_CTL_ADD && (tf.file.obj instanceof EventPoll || events & ~EXCLUSIVE_OK_BITS)) return -EINVAL;
  }
  if (op === EPOLL_CTL_ADD && tf.file.obj instanceof EventPoll && tf.file.obj.watches(ep)) return -ELOOP;
  const item = ep.find(tf.file, fd);
  const data = hasEvent ? Number(event!.data ?? 0) : 0;
  switch (op) {
    case EPOLL_CTL_ADD:
      if (item) return -EEXIST;
      events |= POLLERR | POLLHUP;
      ep.insert(k, t, tf.file, fd, events, data);
      return 0;
    case EPOLL_CTL_DEL:
      if (!item) return -ENOENT;
      ep.remove(k, item, 'EPOLL_CTL_DEL', t);
      return 0;
    case EPOLL_CTL_MOD:
      if (!item) return -ENOENT;
      if (item.events & EPOLLEXCLUSIVE) return -EINVAL;
      ep.modify(k, t, item, events | POLLERR | POLLHUP, data);
      return 0;
    default:
      return -EINVAL;
  }
}

/** do_epoll_wait() → ep_poll(): deliver what is ready, or sleep (exclusively) until something is, or the timeout. */
export function* sysEpollWait(k: Kernel, t: Thread, epfd: number, events: EpollEvent[], maxevents: number, timeoutMs: number): KGen<number> {
  if (!Number.isInteger(maxevents) || maxevents <= 0 || maxevents > EP_MAX_EVENTS) return -EINVAL;
  if (!Array.isArray(events)) return -EFAULT;
  const e = t.process.fds.get(epfd);
  if (!e) return -EBADF;
  const ep = e.file.obj;
  if (!(ep instanceof EventPoll)) return -EINVAL;
  const file = e.file.get(); // fdget(): the epoll stays alive while we wait, even if closed
  try {
    yield* work(k.costs.fileOp);
    if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs)) return -EINVAL;
    const deadline = timeoutMs < 0 ? null : k.now + Math.round(timeoutMs * 1e6);
    let timedOut = deadline !== null && deadline <= k.now;
    for (;;) {
      if (ep.rdllist.size > 0) {
        const res = yield* ep.sendEvents(k, t, events, maxevents);
        if (res > 0) return res;
      }
      if (timedOut) return 0;
      const r = yield* k.sleepOn(t, ep.wq, 'ep_poll', deadline === null ? undefined : Math.max(0, deadline - k.now), true);
      if (r === 'timeout') {
        timedOut = true;
        return 0;
      }
    }
  } finally {
    file.put(k);
  }
}
