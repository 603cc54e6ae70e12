// select, poll and epoll, as methods of the thread's handle.

import { FsCalls } from '../fs/calls-fs.js';
import { epollEvent, fdList, pollfds, timeval } from '../trace/format-net.js';
import { FdSet, sysSelect, type Timeval } from './select.js';
import { sysPoll, type PollFd } from './poll.js';
import { sysEpollCreate, sysEpollCreate1, sysEpollCtl, sysEpollWait } from './sys-epoll.js';
import type { EpollEvent } from './epoll.js';
import { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD } from './flags.js';

function setArg(s: FdSet | null, fds: number[] | undefined): string {
  return s ? fdList(fds ?? []) : 'NULL';
}

export class IoCalls extends FsCalls {
  /**
   * select(2): wait until a descriptor in readfds is readable, one in writefds writable,
   * or the timeout ({ tv_sec, tv_usec }; null waits for ever) passes. The kernel checks
   * descriptors 0..nfds-1; the sets are changed in place to hold only the ready ones,
   * and the time left is written back into timeout. Returns how many are ready
   * (a descriptor in two sets counts twice), 0 on timeout.
   */
  select(nfds: number, readfds: FdSet | null, writefds: FdSet | null, exceptfds: FdSet | null, timeout: Timeval | null = null): Promise<number> {
    const within = (s: FdSet | null) => (s instanceof FdSet ? s.fds().filter((fd) => fd < nfds) : undefined);
    const inR = within(readfds);
    const inW = within(writefds);
    const inE = within(exceptfds);
    const tv = timeout && typeof timeout === 'object' ? timeval(timeout) : 'NULL';
    return this.call(
      'select',
      (ret) => {
        const args = [String(nfds), setArg(readfds, inR), setArg(writefds, inW), setArg(exceptfds, inE), tv];
        if (ret <= 0) return ret === 0 ? { args, retNote: 'Timeout' } : args;
        const parts: string[] = [];
        const res = (name: string, s: FdSet | null) => {
          const out = s instanceof FdSet ? s.fds().filter((fd) => fd < nfds) : [];
          if (out.length) parts.push(`${name} ${fdList(out)}`);
        };
        res('in', readfds);
        res('out', writefds);
        res('except', exceptfds);
        if (timeout) parts.push(`left ${timeval(timeout)}`);
        return { args, retNote: parts.join(', ') };
      },
      sysSelect(this.k, this.t, nfds, readfds, writefds, exceptfds, timeout),
    );
  }

  /**
   * poll(2): wait until one of fds[0..nfds-1] has one of its `events`; each entry's
   * `revents` is set to what happened (POLLERR, POLLHUP and POLLNVAL come unasked).
   * timeout in milliseconds; -1 waits for ever, 0 does not wait. Returns the number of
   * entries with revents, 0 on timeout.
   */
  poll(fds: PollFd[], nfds: number = fds?.length ?? 0, timeout = -1): Promise<number> {
    const before = Array.isArray(fds) ? pollfds(fds, nfds, false) : '0x7ffc...';
    return this.call(
      'poll',
      (ret) => {
        const args = [before, String(nfds), String(timeout)];
        if (ret > 0) return { args, retNote: pollfds(fds, nfds, true) };
        return ret === 0 ? { args, retNote: 'Timeout' } : args;
      },
      sysPoll(this.k, this.t, fds, nfds, timeout),
    );
  }

  /** epoll_create1(2): a new epoll instance (flags: 0 or EPOLL_CLOEXEC). Returns its descriptor. */
  epoll_create1(flags = 0): Promise<number> {
    return this.call('epoll_create1', [flags ? 'EPOLL_CLOEXEC' : '0'], sysEpollCreate1(this.k, this.t, flags));
  }

  /** epoll_create(2): the old form; size is ignored but must be positive. */
  epoll_create(size: number): Promise<number> {
    return this.call('epoll_create', [String(size)], sysEpollCreate(this.k, this.t, size));
  }

  /**
   * epoll_ctl(2): EPOLL_CTL_ADD, EPOLL_CTL_MOD or EPOLL_CTL_DEL the descriptor fd in the
   * interest set of epfd. event = { events: EPOLLIN | EPOLLET..., data: what epoll_wait
   * gives back (usually fd) }.
   */
  epoll_ctl(epfd: number, op: number, fd: number, event: EpollEvent | null = null): Promise<number> {
    const opName = op === EPOLL_CTL_ADD ? 'EPOLL_CTL_ADD' : op === EPOLL_CTL_MOD ? 'EPOLL_CTL_MOD' : op === EPOLL_CTL_DEL ? 'EPOLL_CTL_DEL' : String(op);
    const ev = event && typeof event === 'object' ? epollEvent({ events: Number(event.events) >>> 0, data: Number(event.data ?? 0) }) : 'NULL';
    return this.call('epoll_ctl', [String(epfd), opName, String(fd), ev], sysEpollCtl(this.k, this.t, epfd, op, fd, event));
  }

  /**
   * epoll_wait(2): wait for events on epfd's interest set; up to maxevents of them are
   * written to events[0...]. timeout in milliseconds: -1 waits for ever, 0 does not wait.
   * Returns how many events were written, 0 on timeout.
   */
  epoll_wait(epfd: number, events: EpollEvent[], maxevents: number, timeout = -1): Promise<number> {
    return this.call(
      'epoll_wait',
      (ret) => [String(epfd), ret > 0 ? `[${events.slice(0, ret).map(epollEvent).join(', ')}]` : '[]', String(maxevents), String(timeout)],
      sysEpollWait(this.k, this.t, epfd, events, maxevents, timeout),
    );
  }
}
