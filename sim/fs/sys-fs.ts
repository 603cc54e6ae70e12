// System calls on regular files: lseek, pread64, pwrite64, fsync, fdatasync,
// ftruncate (fs/read_write.c, fs/sync.c, fs/open.c).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import type { OpenFile } from '../kernel/file.js';
import { EBADF, EFAULT, EINVAL, ESPIPE } from '../kernel/errno.js';
import { O_ACCMODE, O_RDONLY, O_WRONLY } from '../kernel/flags.js';

function fdget(t: Thread, fd: number): OpenFile | null {
  const e = t.process.fds.get(fd);
  return e ? e.file.get() : null;
}

/** lseek(): only seekable files move; pipes, sockets and character devices say ESPIPE. */
export function* sysLseek(k: Kernel, t: Thread, fd: number, offset: number, whence: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if (!f.obj.llseek) return -ESPIPE;
    return f.obj.llseek(f, offset, whence);
  } finally {
    f.put(k);
  }
}

/** pread64(): read at an offset without moving the file position. */
export function* sysPread(k: Kernel, t: Thread, fd: number, buf: Uint8Array, count: number, pos: number): KGen<number> {
  if (!(buf instanceof Uint8Array) || count > buf.length) return -EFAULT;
  if (!Number.isInteger(count) || count < 0) return -EINVAL;
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if ((f.flags & O_ACCMODE) === O_WRONLY) return -EBADF;
    if (!f.obj.readAt) return -ESPIPE;
    return yield* f.obj.readAt(k, t, f, buf, count, pos);
  } finally {
    f.put(k);
  }
}

/** pwrite64(): write at an offset without moving the file position. */
export function* sysPwrite(k: Kernel, t: Thread, fd: number, data: Uint8Array, count: number, pos: number): KGen<number> {
  if (count > data.length) return -EFAULT;
  if (!Number.isInteger(count) || count < 0) return -EINVAL;
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if ((f.flags & O_ACCMODE) === O_RDONLY) return -EBADF;
    if (!f.obj.writeAt) return -ESPIPE;
    return yield* f.obj.writeAt(k, t, f, data, count, pos);
  } finally {
    f.put(k);
  }
}

/** fsync() / fdatasync(): EINVAL for files that cannot be synced (pipes, sockets). */
export function* sysFsync(k: Kernel, t: Thread, fd: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if (!f.obj.fsync) return -EINVAL;
    return yield* f.obj.fsync(k, t, f);
  } finally {
    f.put(k);
  }
}

/** ftruncate(). */
export function* sysFtruncate(k: Kernel, t: Thread, fd: number, size: number): KGen<number> {
  const f = fdget(t, fd);
  if (!f) return -EBADF;
  try {
    if (!Number.isInteger(size) || size < 0) return -EINVAL;
    if ((f.flags & O_ACCMODE) === O_RDONLY || !f.obj.truncate) return -EINVAL;
    return yield* f.obj.truncate(k, t, f, size);
  } finally {
    f.put(k);
  }
}
