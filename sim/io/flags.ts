// Constants of select(2), poll(2) and epoll(7) as on Linux x86-64
// (include/uapi/linux/eventpoll.h, include/uapi/linux/posix_types.h).
import { O_CLOEXEC } from '../kernel/flags.js';
import {
  POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI, POLLRDBAND, POLLRDHUP, POLLRDNORM, POLLWRBAND, POLLWRNORM,
} from '../kernel/poll.js';

/** glibc's fd_set holds descriptors 0..1023; the kernel itself has no such limit. */
export const FD_SETSIZE = 1024;

// epoll uses the poll bits under other names.
export const EPOLLIN = POLLIN;
export const EPOLLPRI = POLLPRI;
export const EPOLLOUT = POLLOUT;
export const EPOLLERR = POLLERR;
export const EPOLLHUP = POLLHUP;
export const EPOLLNVAL = POLLNVAL;
export const EPOLLRDNORM = POLLRDNORM;
export const EPOLLRDBAND = POLLRDBAND;
export const EPOLLWRNORM = POLLWRNORM;
export const EPOLLWRBAND = POLLWRBAND;
export const EPOLLRDHUP = POLLRDHUP;
/** Wake only one of the epoll instances that watch the same file (Linux 4.5). */
export const EPOLLEXCLUSIVE = 1 << 28;
export const EPOLLWAKEUP = 1 << 29;
/** Report one event, then disable the item until EPOLL_CTL_MOD re-arms it. */
export const EPOLLONESHOT = 1 << 30;
/** Edge-triggered: report a change once, not the state on every epoll_wait(). (1u << 31, a negative int in JavaScript.) */
export const EPOLLET = 1 << 31;

export const EPOLL_CTL_ADD = 1;
export const EPOLL_CTL_DEL = 2;
export const EPOLL_CTL_MOD = 3;
export const EPOLL_CLOEXEC = O_CLOEXEC;
