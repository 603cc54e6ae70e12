// select(2), after fs/select.c (kern_select → core_sys_select → do_select).
//
// Each call copies three bitmaps of nfds bits in from user memory, checks that every
// descriptor named is open (EBADF otherwise), calls ->poll on each one (registering on
// its wait queue the first time round), sleeps if none is ready, scans them all again
// after every wakeup, takes itself off every wait queue, and copies the bitmaps back
// out with only the ready bits left. Nothing is remembered between calls.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { EBADF, EFAULT, EINVAL } from '../kernel/errno.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLPRI, POLLRDBAND, POLLRDNORM, POLLWRBAND, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';
import { FD_SETSIZE } from './flags.js';
import { PollWaitTable, vfsPoll } from './poll-wait.js';

/** What select counts as readable, writable, exceptional (POLLIN_SET, POLLOUT_SET, POLLEX_SET). */
const POLLIN_SET = POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR;
const POLLOUT_SET = POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR;
const POLLEX_SET = POLLPRI;

/**
 * An fd_set: a bitmap of descriptors. Like glibc's, it holds FD_SETSIZE (1024) bits
 * unless made bigger (new FdSet(4096)), as C programs do with their own bitmaps.
 */
export class FdSet {
  readonly bits: Uint32Array;
  constructor(readonly size = FD_SETSIZE) {
    if (!Number.isInteger(size) || size <= 0) throw new RangeError(`new FdSet(${size}): the size must be a positive whole number of descriptors.`);
    this.bits = new Uint32Array(Math.ceil(size / 32));
  }
  /** The descriptors in the set, lowest first. */
  fds(): number[] {
    const out: number[] = [];
    for (let w = 0; w < this.bits.length; w++) {
      let word = this.bits[w]!;
      while (word) {
        const b = 31 - Math.clz32(word & -word);
        out.push(w * 32 + b);
        word &= word - 1;
      }
    }
    return out;
  }
}

function checkFd(fd: number, set: FdSet, what: string): void {
  if (!(set instanceof FdSet)) throw new TypeError(`${what}: the set must be an FdSet (new FdSet()).`);
  if (!Number.isInteger(fd) || fd < 0 || fd >= set.size) {
    throw new RangeError(
      `${what}(${fd}): an fd_set holds descriptors 0 to ${set.size - 1}. In C this writes outside the set (undefined behaviour; ` +
        `built with _FORTIFY_SOURCE, glibc aborts: "bit out of range 0 - FD_SETSIZE on fd_set"). Use poll() or epoll for higher descriptors.`,
    );
  }
}

export function FD_ZERO(set: FdSet): void {
  set.bits.fill(0);
}
export function FD_SET(fd: number, set: FdSet): void {
  checkFd(fd, set, 'FD_SET');
  set.bits[fd >> 5]! |= 1 << (fd & 31);
}
export function FD_CLR(fd: number, set: FdSet): void {
  checkFd(fd, set, 'FD_CLR');
  set.bits[fd >> 5]! &= ~(1 << (fd & 31));
}
export function FD_ISSET(fd: number, set: FdSet): boolean {
  checkFd(fd, set, 'FD_ISSET');
  return (set.bits[fd >> 5]! & (1 << (fd & 31))) !== 0;
}

/** struct timeval; select() writes the time left back into it, as Linux does. */
export interface Timeval {
  tv_sec: number;
  tv_usec: number;
}

function has(set: FdSet | null, fd: number): boolean {
  return set !== null && (set.bits[fd >> 5]! & (1 << (fd & 31))) !== 0;
}

/** kern_select(). */
export function* sysSelect(
  k: Kernel, t: Thread, nfds: number, rd: FdSet | null, wr: FdSet | null, ex: FdSet | null, timeout: Timeval | null,
): KGen<number> {
  yield* work(k.costs.fileOp);
  // poll_select_set_timeout(): microseconds beyond a second carry into the seconds; negative is invalid.
  let deadline: number | null = null;
  if (timeout) {
    if (typeof timeout !== 'object' || !Number.isInteger(timeout.tv_sec) || !Number.isInteger(timeout.tv_usec)) return -EFAULT;
    const sec = timeout.tv_sec + Math.trunc(timeout.tv_usec / 1e6);
    const nsec = (timeout.tv_usec % 1e6) * 1000;
    if (sec < 0 || nsec < 0) return -EINVAL;
    deadline = k.now + sec * 1e9 + nsec;
  }
  if (!Number.isInteger(nfds) || nfds < 0) return -EINVAL;
  for (const s of [rd, wr, ex]) if (s !== null && !(s instanceof FdSet)) return -EFAULT;
  // core_sys_select(): nfds is cut down to the size of the descriptor table.
  const n = Math.min(nfds, t.process.fds.maxFds);
  const bytes = Math.ceil(n / 64) * 8; // FDS_BYTES: whole longs
  for (const s of [rd, wr, ex]) {
    if (!s) continue;
    if (s.size < n) {
      k.hint(t, `select(${nfds}, ...): the kernel reads ${n} bits, but this fd_set holds only ${s.size}; in C it would read past the set.`);
      return -EFAULT;
    }
    yield* copyFromUser(k, bytes); // get_fd_set()
  }
  // max_select_fd(): every descriptor named must be open.
  const fds: number[] = [];
  for (let fd = 0; fd < n; fd++) {
    if (!has(rd, fd) && !has(wr, fd) && !has(ex, fd)) continue;
    if (!t.process.fds.get(fd)) return -EBADF;
    fds.push(fd);
  }
  const res = yield* doSelect(k, t, fds, rd, wr, ex, deadline, n);
  // set_fd_set(): the results replace the sets the caller passed.
  for (const [s, out] of [[rd, res.rd], [wr, res.wr], [ex, res.ex]] as const) {
    if (!s) continue;
    s.bits.fill(0, 0, Math.ceil(n / 32));
    for (const fd of out) s.bits[fd >> 5]! |= 1 << (fd & 31);
    yield* copyToUser(k, bytes);
  }
  // poll_select_finish(): Linux writes the time left back into the timeval.
  if (timeout && deadline !== null) {
    const left = Math.max(0, deadline - k.now);
    timeout.tv_sec = Math.floor(left / 1e9);
    timeout.tv_usec = Math.floor((left % 1e9) / 1000);
  }
  return res.count;
}

interface SelectResult {
  count: number;
  rd: number[];
  wr: number[];
  ex: number[];
}

/** do_select(): scan, sleep, scan again... */
function* doSelect(
  k: Kernel, t: Thread, fds: number[], rd: FdSet | null, wr: FdSet | null, ex: FdSet | null, deadline: number | null, n: number,
): KGen<SelectResult> {
  const table = new PollWaitTable(k, t);
  let timedOut = deadline !== null && deadline <= k.now;
  if (timedOut) table.registering = false; // a zero timeout never waits, so it never registers
  try {
    for (;;) {
      const start = k.now;
      const r: SelectResult = { count: 0, rd: [], wr: [], ex: [] };
      const before = table.registered;
      for (const fd of fds) {
        const e = t.process.fds.get(fd);
        if (!e) continue; // closed by another thread during the call
        const inR = has(rd, fd);
        const inW = has(wr, fd);
        const inE = has(ex, fd);
        table.key = (inR ? POLLIN_SET : 0) | (inW ? POLLOUT_SET : 0) | (inE ? POLLEX_SET : 0);
        const mask = vfsPoll(k, e.file, table);
        if (inR && mask & POLLIN_SET) r.rd.push(fd);
        if (inW && mask & POLLOUT_SET) r.wr.push(fd);
        if (inE && mask & POLLEX_SET) r.ex.push(fd);
        const ready = r.rd.length + r.wr.length + r.ex.length;
        if (ready > r.count) {
          r.count = ready;
          table.registering = false; // once something is ready, no more registering
        }
      }
      const registered = table.registered - before;
      yield* work(fds.length * k.costs.selectPerFd + registered * k.costs.pollWaitEntry);
      k.emit({ t: start, dur: k.now - start, cat: 'io', name: 'select scan', pid: t.process.pid, tid: t.tid, detail: { nfds: n, fds: fds.length, ready: r.count, registered } });
      table.registering = false;
      if (r.count > 0 || timedOut) return r;
      if ((yield* table.sleep('do_select', deadline)) === 'timeout') timedOut = true;
    }
  } finally {
    table.free(); // poll_freewait(): its cost is counted in pollWaitEntry
  }
}
