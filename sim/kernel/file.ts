// Open files, as in include/linux/fs.h.
//
// A descriptor is an index into a process's fd table; the table points at an open
// file description (struct file: status flags, offset, reference count); that points
// at the object behind it (a pipe, a socket, a terminal), which supplies the
// operations (struct file_operations).

import type { KGen } from './step.js';
import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { PollMask, WaitQueue } from './waitqueue.js';

/** What poll_wait() is handed: a way for a poller to put an entry on each wait queue. */
export interface PollTable {
  wait(queue: WaitQueue): void;
}

/** struct file_operations: what a kind of file can do. Missing operations fail as Linux does. */
export interface FileObject {
  /** Short kind name: "pipe", "socket", "tty", "epoll"... */
  readonly kind: string;
  /** What /proc/PID/fd would show: "pipe:[3]", "socket:[7]", "/dev/pts/0". */
  describe(): string;
  read?(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number>;
  write?(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number>;
  /** The file's readiness mask now; with a table, also register on its wait queues (poll_wait). */
  poll?(k: Kernel, f: OpenFile, table: PollTable | null): PollMask;
  /** pread/pwrite: I/O at an explicit offset, leaving f.pos alone (seekable files). */
  readAt?(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number, pos: number): KGen<number>;
  writeAt?(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number, pos: number): KGen<number>;
  /** ->llseek(): set f.pos; files without it are not seekable (ESPIPE). */
  llseek?(f: OpenFile, offset: number, whence: number): number;
  /** ->fsync(): the file's data reaches the device. */
  fsync?(k: Kernel, t: Thread, f: OpenFile): KGen<number>;
  /** Cut or extend the file to `size` bytes (O_TRUNC, ftruncate). */
  truncate?(k: Kernel, t: Thread, f: OpenFile, size: number): KGen<number>;
  /** The last reference to the open file description is gone (struct file_operations.release). */
  release?(k: Kernel, f: OpenFile): void;
}

/** struct file: one per open(), pipe(), socket()...; shared by dup() and fork(). */
export class OpenFile {
  /** f_count: descriptors (in any process) and in-kernel users holding this description. */
  refs = 1;
  /** f_pos, for seekable files. */
  pos = 0;
  /** f_ep: epoll items watching this file; they go when the file does (eventpoll_release in __fput). */
  epWatchers: Set<{ fileReleased(k: Kernel): void }> | null = null;
  constructor(
    readonly obj: FileObject,
    /** f_flags: access mode and status flags (O_NONBLOCK, O_APPEND...). */
    public flags: number,
  ) {}

  get(): this {
    this.refs++;
    return this;
  }

  /** fput(): drop a reference; the last one releases the object. */
  put(k: Kernel): void {
    if (--this.refs !== 0) return;
    if (this.epWatchers) for (const w of [...this.epWatchers]) w.fileReleased(k);
    this.obj.release?.(k, this);
  }
}
