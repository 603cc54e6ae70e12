// open(2): from a path to a descriptor (fs/open.c do_sys_openat2 → do_filp_open →
// the inode's ->open, then fd_install).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile } from '../kernel/file.js';
import { EEXIST, EFAULT, EINVAL, EMFILE, ENOENT } from '../kernel/errno.js';
import { O_ACCMODE, O_APPEND, O_ASYNC, O_CLOEXEC, O_CREAT, O_DIRECT, O_EXCL, O_NONBLOCK, O_TRUNC } from '../kernel/flags.js';

/** The flags open() keeps in the open file description (f_flags): access mode and status flags. */
const KEPT = O_ACCMODE | O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT;

/** do_sys_openat2(): look the path up (creating a regular file with O_CREAT), open it, install the lowest free descriptor. */
export function* sysOpen(k: Kernel, t: Thread, path: string, flags: number, mode: number): KGen<number> {
  if (typeof path !== 'string') return -EFAULT;
  if ((flags & O_ACCMODE) === O_ACCMODE) return -EINVAL;
  yield* work(k.costs.fileOp * 2); // path walk and a new struct file
  let node = k.vfs.lookup(path);
  if (node && (flags & O_CREAT) && (flags & O_EXCL)) return -EEXIST;
  if (!node) {
    if (!(flags & O_CREAT)) return -ENOENT;
    const created = k.createFile?.(path, mode);
    if (!created) {
      k.hint(t, `open: cannot create ${path}: this world has no disk to hold regular files (world.disk).`);
      return -ENOENT;
    }
    node = created;
  }
  const obj = node.open(k, t, flags);
  if (typeof obj === 'number') return obj;
  const f = new OpenFile(obj, flags & KEPT);
  if ((flags & O_TRUNC) && (flags & O_ACCMODE) !== 0 && obj.truncate) yield* obj.truncate(k, t, f, 0);
  const fd = t.process.fds.install(f, (flags & O_CLOEXEC) !== 0);
  if (fd < 0) {
    f.put(k);
    return -EMFILE;
  }
  return fd;
}
