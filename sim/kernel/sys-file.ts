// System calls on descriptors: read, write, close, dup, dup2, fcntl, ioctl, pipe,
// socketpair. Like fs/read_write.c, fs/file.c, fs/fcntl.c and fs/pipe.c's do_pipe2().

import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { KGen } from './step.js';
import { work } from './step.js';
import { OpenFile } from './file.js';
import { traceFileFlags } from './fd-trace.js';
import { EBADF, EBUSY, EFAULT, EINVAL, EMFILE, ENOTTY, EOPNOTSUPP, EAFNOSUPPORT, EPERM, EPROTONOSUPPORT } from './errno.js';
import {
  AF_INET, AF_UNIX, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETPIPE_SZ,
  F_GETOWN, F_SETOWN, FD_CLOEXEC, O_ACCMODE, O_ASYNC, O_CLOEXEC, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY, PAGE_SIZE, SETFL_MASK, SOCK_CLOEXEC,
  SOCK_NONBLOCK, SOCK_STREAM,
} from './flags.js';
import { Pipe, PipeReadEnd, PipeWriteEnd } from '../fs/pipe.js';
import { unixSocketPair } from '../fs/unix-socket.js';
import { getOwner, setFasync, setOwner } from './fasync.js';

export const FIONREAD = 0x541b;
export const FIONBIO = 0x5421;
/** /proc/sys/fs/pipe-max-size default: the most an unprivileged process may ask for. */
export const PIPE_MAX_SIZE = 1_048_576;

/** fdget(): look up a descriptor and hold a reference to its file for the duration of the call. */
function fdget(t: Thread, fd: number): OpenFile | null {
  const e = t.process.fds.get(fd);
  return e ? e.file.get() : null;
}

function badCount(k: Kernel, t: Thread, call: string, count: number, size: number): number {
  if (!Number.isInteger(count) || count < 0) {
    k.hint(t, `${call}: count must be a whole number ≥ 0, not ${count}.`);
    return -EINVAL;
  }
  if (count > size) {
    k.hint(t, `${call}: count ${count} is larger than the ${size}-byte buffer; in C the kernel would run past the buffer, so the simulator returns EFAULT.`);
    return -EFAULT;
  }
  return 0;
}

/** ksys_read() → vfs_read() → file->f_op->read. */
export function* sysRead(k: Kernel, t: Thread, fd: number, buf: Uint8Array, count: number): KGen<number> {
  if (!(buf instanceof Uint8Array)) return -EFAULT;
  const bad = badCount(k, t, 'read', count, buf.length);
  if (bad) return bad;
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if ((f.flags & O_ACCMODE) === O_WRONLY) return -EBADF; // not open for reading
    if (!f.obj.read) return -EINVAL;
    return yield* f.obj.read(k, t, f, buf, count);
  } finally {
    f.put(k);
  }
}

/** ksys_write() → vfs_write() → file->f_op->write. */
export function* sysWrite(k: Kernel, t: Thread, fd: number, data: Uint8Array, count: number): KGen<number> {
  const bad = badCount(k, t, 'write', count, data.length);
  if (bad) return bad;
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if ((f.flags & O_ACCMODE) === O_RDONLY) return -EBADF; // not open for writing
    if (!f.obj.write) return -EINVAL;
    return yield* f.obj.write(k, t, f, data, count);
  } finally {
    f.put(k);
  }
}

/** close_fd(): the descriptor goes at once; the open file description when its last reference does. */
export function* sysClose(k: Kernel, t: Thread, fd: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.remove(fd);
  if (!e) return -EBADF;
  e.file.put(k);
  return 0;
}

export function* sysDup(k: Kernel, t: Thread, fd: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.get(fd);
  if (!e) return -EBADF;
  const nfd = t.process.fds.install(e.file.get());
  if (nfd < 0) e.file.put(k);
  return nfd;
}

/** dup2(): if newfd is open it is closed first, silently; dup2(fd, fd) just checks fd. */
export function* sysDup2(k: Kernel, t: Thread, oldfd: number, newfd: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.get(oldfd);
  if (!e) return -EBADF;
  if (!Number.isInteger(newfd) || newfd < 0 || newfd >= t.process.fds.limit) return -EBADF;
  if (oldfd === newfd) return newfd;
  return t.process.fds.installAt(k, newfd, e.file.get());
}

/** do_fcntl() in fs/fcntl.c. */
export function* sysFcntl(k: Kernel, t: Thread, fd: number, cmd: number, arg: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const fds = t.process.fds;
  const e = fds.get(fd);
  if (!e) return -EBADF;
  const f = e.file;
  switch (cmd) {
    case F_GETFL:
      return f.flags;
    case F_SETFL: {
      // Only the status flags in SETFL_MASK change; the access mode and creation flags are ignored.
      const was = f.flags;
      f.flags = (f.flags & ~SETFL_MASK) | (arg & SETFL_MASK);
      traceFileFlags(k, f, t.process.pid);
      if ((was ^ f.flags) & O_ASYNC) setFasync(k, f, (f.flags & O_ASYNC) !== 0); // ->fasync()
      return 0;
    }
    case F_SETOWN:
      setOwner(f, arg);
      return 0;
    case F_GETOWN:
      return getOwner(f);
    case F_GETFD:
      return e.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD:
      e.cloexec = (arg & FD_CLOEXEC) !== 0;
      return 0;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      if (!Number.isInteger(arg) || arg < 0 || arg >= fds.limit) return -EINVAL;
      const nfd = fds.install(f.get(), cmd === F_DUPFD_CLOEXEC, arg);
      if (nfd < 0) f.put(k);
      return nfd;
    }
    case F_GETPIPE_SZ:
    case F_SETPIPE_SZ: {
      const obj = f.obj;
      if (!(obj instanceof PipeReadEnd || obj instanceof PipeWriteEnd)) return -EBADF;
      const pipe = obj.pipe;
      if (cmd === F_GETPIPE_SZ) return pipe.capacity;
      if (!Number.isInteger(arg) || arg <= 0) return -EINVAL;
      if (arg > PIPE_MAX_SIZE) return -EPERM;
      // Round up to a power-of-two number of pages (pipe_set_size / round_pipe_size).
      let pages = 1;
      while (pages * PAGE_SIZE < arg) pages *= 2;
      if (pages < pipe.bufs.length) return -EBUSY;
      pipe.maxUsage = pages;
      return pages * PAGE_SIZE;
    }
    default:
      return -EINVAL;
  }
}

/** ioctl(): FIONBIO sets or clears O_NONBLOCK; FIONREAD reports the bytes waiting. */
export function* sysIoctl(k: Kernel, t: Thread, fd: number, request: number, arg: { value: number }): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.get(fd);
  if (!e) return -EBADF;
  const f = e.file;
  if (typeof arg !== 'object' || arg === null) return -EFAULT;
  if (request === FIONBIO) {
    f.flags = arg.value ? f.flags | O_NONBLOCK : f.flags & ~O_NONBLOCK;
    traceFileFlags(k, f, t.process.pid);
    return 0;
  }
  if (request === FIONREAD) {
    const obj = f.obj as { pipe?: Pipe; queued?: number; inq?: () => number };
    if (obj.pipe) arg.value = obj.pipe.size;
    else if (typeof obj.inq === 'function') {
      const n = obj.inq(); // a socket's own answer (tcp_ioctl), or -errno
      if (n < 0) return n;
      arg.value = n;
    } else if (typeof obj.queued === 'number') arg.value = obj.queued;
    else return -ENOTTY;
    return 0;
  }
  return -ENOTTY;
}

/** do_pipe2(): two descriptors, lowest free first, read end in fds[0]. */
export function* sysPipe2(k: Kernel, t: Thread, fds: number[], flags: number): KGen<number> {
  if (!Array.isArray(fds)) return -EFAULT;
  if (flags & ~(O_NONBLOCK | O_CLOEXEC)) return -EINVAL;
  yield* work(k.costs.fileOp * 4); // two inodes, two files
  const pipe = new Pipe(k.allocInode());
  const status = flags & O_NONBLOCK;
  const r = new OpenFile(new PipeReadEnd(pipe), O_RDONLY | status);
  const w = new OpenFile(new PipeWriteEnd(pipe), O_WRONLY | status);
  return installPair(k, t, r, w, (flags & O_CLOEXEC) !== 0, fds);
}

/** socketpair(): only AF_UNIX stream pairs are modelled. */
export function* sysSocketpair(k: Kernel, t: Thread, domain: number, type: number, protocol: number, sv: number[]): KGen<number> {
  if (!Array.isArray(sv)) return -EFAULT;
  yield* work(k.costs.fileOp * 4);
  if (domain === AF_INET) return -EOPNOTSUPP; // TCP has no socket pairs
  if (domain !== AF_UNIX) return -EAFNOSUPPORT;
  const base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (protocol !== 0) return -EPROTONOSUPPORT;
  if (base !== SOCK_STREAM) return k.notModelled(t, `socketpair() of type ${base}: only SOCK_STREAM is modelled`);
  const [a, b] = unixSocketPair(k);
  const status = type & SOCK_NONBLOCK ? O_NONBLOCK : 0;
  return installPair(k, t, new OpenFile(a, O_RDWR | status), new OpenFile(b, O_RDWR | status), (type & SOCK_CLOEXEC) !== 0, sv);
}

function installPair(k: Kernel, t: Thread, a: OpenFile, b: OpenFile, cloexec: boolean, out: number[]): number {
  const fds = t.process.fds;
  const fa = fds.install(a, cloexec);
  if (fa < 0) {
    a.put(k);
    b.put(k);
    return -EMFILE;
  }
  const fb = fds.install(b, cloexec);
  if (fb < 0) {
    fds.remove(fa);
    a.put(k);
    b.put(k);
    return -EMFILE;
  }
  out[0] = fa;
  out[1] = fb;
  return 0;
}

