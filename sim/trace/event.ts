// The trace: one flat list of events. Every view (timeline, strace log, counters,
// inspectors) and every statistic is computed from this list alone.

import type { Nanoseconds } from '../kernel/time.js';

export type Category =
  | 'syscall' // a system call, from entry to return, on the calling thread
  | 'kernel' // CPU time in kernel mode (syscall work), on a CPU
  | 'copy' // bytes copied between user and kernel space (inside a kernel slice)
  | 'user' // CPU time in user mode (compute)
  | 'sched' // context switches on a CPU; time a thread spent runnable but not running
  | 'wait' // a thread asleep on a wait queue
  | 'wakeup' // one thread (or an interrupt) making another runnable
  | 'irq' // hard interrupt handler (top half) on a CPU
  | 'softirq' // deferred work (bottom half) on a CPU
  | 'dma' // a DMA transfer on a device lane
  | 'device' // a device working (disk seek, wire time)
  | 'io' // the state of kernel I/O objects, for inspectors: epoll interest set and ready list, socket buffers, select/poll scans
  | 'note'; // annotations: process start and exit, signals, messages

export interface TraceEvent {
  /** Position in the trace: events are recorded in the order they complete. */
  seq: number;
  /** Start time, virtual nanoseconds since boot. */
  t: Nanoseconds;
  /** Duration in nanoseconds (0 for instants). */
  dur: Nanoseconds;
  cat: Category;
  name: string;
  cpu?: number;
  pid?: number;
  tid?: number;
  /** Arguments as strace would print them, already formatted. */
  args?: string[];
  /** Return value of a system call (-1 on error, like the C library). */
  ret?: number;
  /** Symbolic errno name when ret is -1, e.g. "EAGAIN". */
  errno?: string;
  /** What strace prints after a system call's return value, e.g. "in [4]" for select. */
  retNote?: string;
  bytes?: number;
  /** Line of the reader's program that made the system call. */
  line?: number;
  /** Free-form details for tooltips: what woke whom, which wait queue, etc. */
  detail?: Record<string, string | number | boolean>;
}

/**
 * Events of category 'io' (instants unless noted), by name:
 * - 'epoll add' / 'epoll mod' / 'epoll del': an item joins, changes in or leaves an epoll interest set
 *   (detail: epfd, fd, events); 'epoll del' also when the watched file's last reference goes (detail.why).
 * - 'ready +' / 'ready -': an epoll item joins or leaves the ready list (detail: epfd, fd, why).
 * - 'sk buffer': a socket's buffers after a change (detail: sock, rcv, rcvbuf, snd, sndbuf: bytes).
 * - 'select scan' / 'poll scan' (with a duration): one pass over the descriptors (detail: fds, ready).
 * - 'pipe buffer': a pipe's fill level after a change (detail: pipe, len, size: bytes).
 * - 'fd open' / 'fd close' / 'file flags': a process's descriptor table and its open file
 *   descriptions (see kernel/fd-trace.ts).
 */
export const CPU_CATEGORIES: ReadonlySet<Category> = new Set(['kernel', 'user', 'sched', 'irq', 'softirq']);
