// File system calls on the thread's handle: open, and (with a disk) lseek, fsync...

import { IrqCalls } from '../hw/calls-irq.js';
import { sysOpen } from './sys-open.js';
import { openFlags } from '../trace/format-args.js';
import { O_CREAT } from '../kernel/flags.js';

export class FsCalls extends IrqCalls {
  /** open(2): a descriptor for a path: /dev/<device>, or a regular file on the disk (O_CREAT makes one). */
  open(path: string, flags: number, mode = 0o644): Promise<number> {
    const args = ['AT_FDCWD', JSON.stringify(path), openFlags(flags)];
    if (flags & O_CREAT) args.push('0' + mode.toString(8));
    return this.call('openat', args, sysOpen(this.k, this.t, path, flags, mode));
  }
}
