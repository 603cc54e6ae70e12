// File system calls on the thread's handle: open, lseek, pread64, pwrite64, fsync,
// fdatasync, ftruncate.

import { IrqCalls } from '../hw/calls-irq.js';
import { sysOpen } from './sys-open.js';
import { sysFsync, sysFtruncate, sysLseek, sysPread, sysPwrite } from './sys-fs.js';
import { openFlags, quoteBytes } from '../trace/format-args.js';
import { O_CREAT } from '../kernel/flags.js';

const whenceName = ['SEEK_SET', 'SEEK_CUR', 'SEEK_END'];

export class FsCalls extends IrqCalls {
  /** open(2): a descriptor for a path: /dev/<device>, or a regular file on the disk (O_CREAT makes one). */
  open(path: string, flags: number, mode = 0o644): Promise<number> {
    const args = ['AT_FDCWD', JSON.stringify(path), openFlags(flags)];
    if (flags & O_CREAT) args.push('0' + mode.toString(8));
    return this.call('openat', args, sysOpen(this.k, this.t, path, flags, mode));
  }

  /** lseek(2): move the file position (whence SEEK_SET, SEEK_CUR or SEEK_END). Returns the new position. */
  lseek(fd: number, offset: number, whence: number): Promise<number> {
    return this.call('lseek', [String(fd), String(offset), whenceName[whence] ?? String(whence)], sysLseek(this.k, this.t, fd, offset, whence));
  }

  /** pread(2): read `count` bytes at `offset`, without moving the file position. */
  pread(fd: number, buf: Uint8Array, count: number, offset: number): Promise<number> {
    return this.call('pread64', (ret) => [String(fd), ret > 0 ? quoteBytes(buf, ret) : '""', String(count), String(offset)], sysPread(this.k, this.t, fd, buf, count, offset));
  }

  /** pwrite(2): write `count` bytes at `offset`, without moving the file position. */
  pwrite(fd: number, data: Uint8Array | string, count: number | undefined, offset: number): Promise<number> {
    const bytes = FsCalls.bytes(data);
    const n = count ?? bytes.length;
    return this.call('pwrite64', [String(fd), quoteBytes(bytes, n), String(n), String(offset)], sysPwrite(this.k, this.t, fd, bytes, n, offset));
  }

  /** fsync(2): write the file's dirty pages to the disk and wait until they are there. */
  fsync(fd: number): Promise<number> {
    return this.call('fsync', [String(fd)], sysFsync(this.k, this.t, fd));
  }

  /** fdatasync(2): like fsync (the simulator keeps no separate metadata). */
  fdatasync(fd: number): Promise<number> {
    return this.call('fdatasync', [String(fd)], sysFsync(this.k, this.t, fd));
  }

  /** ftruncate(2): set the file's size. */
  ftruncate(fd: number, length: number): Promise<number> {
    return this.call('ftruncate', [String(fd), String(length)], sysFtruncate(this.k, this.t, fd, length));
  }
}
