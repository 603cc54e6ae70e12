// The per-process descriptor table (struct fdtable in include/linux/fdtable.h,
// fs/file.c). Descriptors are allocated lowest-first, as POSIX requires of open(),
// pipe(), socket() and dup().

import { EBADF, EMFILE } from './errno.js';
import type { Kernel } from './kernel.js';
import type { OpenFile } from './file.js';

export interface FdEntry {
  file: OpenFile;
  /** FD_CLOEXEC is per descriptor, not per open file description. */
  cloexec: boolean;
}

export class FdTable {
  private slots: (FdEntry | null)[] = [];
  /** files->next_fd: no descriptor below it is free, so the search for the lowest free one starts here. */
  private nextFd = 0;
  /**
   * Told of every change to the table, so that the trace can show it (the fd-table
   * inspector). Set by the kernel when the table is given to a process (fd-trace.ts).
   */
  onChange: ((fd: number, entry: FdEntry | null) => void) | null = null;

  /** RLIMIT_NOFILE soft limit: descriptors must be below it (default 1024, as on most distributions). */
  constructor(public limit = 1024) {}

  get(fd: number): FdEntry | null {
    if (!Number.isInteger(fd) || fd < 0 || fd >= this.slots.length) return null;
    return this.slots[fd] ?? null;
  }

  /** The lowest free descriptor ≥ min; -EMFILE past RLIMIT_NOFILE (alloc_fd in fs/file.c). */
  install(file: OpenFile, cloexec = false, min = 0): number {
    let fd = Math.max(min, this.nextFd);
    while (fd < this.slots.length && this.slots[fd]) fd++;
    if (fd >= this.limit) return -EMFILE;
    while (this.slots.length <= fd) this.slots.push(null);
    this.slots[fd] = { file, cloexec };
    if (min <= this.nextFd) this.nextFd = fd + 1;
    this.onChange?.(fd, this.slots[fd]!);
    return fd;
  }

  /** Put a file at a given descriptor, closing what was there (dup2). */
  installAt(k: Kernel, fd: number, file: OpenFile, cloexec = false): number {
    if (fd >= this.limit) return -EBADF;
    while (this.slots.length <= fd) this.slots.push(null);
    const old = this.slots[fd];
    this.slots[fd] = { file, cloexec };
    this.onChange?.(fd, this.slots[fd]!);
    old?.file.put(k);
    return fd;
  }

  /** Remove the descriptor and return its entry; the caller drops the reference. */
  remove(fd: number): FdEntry | null {
    const e = this.get(fd);
    if (e) {
      this.slots[fd] = null;
      if (fd < this.nextFd) this.nextFd = fd; // __put_unused_fd()
      this.onChange?.(fd, null);
    }
    return e;
  }

  /** Every open descriptor, lowest first. */
  entries(): [number, FdEntry][] {
    const out: [number, FdEntry][] = [];
    this.slots.forEach((e, fd) => e && out.push([fd, e]));
    return out;
  }

  /** fork(): the child gets a copy of the table; every open file description gains a reference. */
  clone(): FdTable {
    const t = new FdTable(this.limit);
    t.slots = this.slots.map((e) => (e ? { file: e.file.get(), cloexec: e.cloexec } : null));
    t.nextFd = this.nextFd;
    return t;
  }

  /** exit(): close everything. */
  closeAll(k: Kernel): void {
    const slots = this.slots;
    this.slots = [];
    this.nextFd = 0;
    slots.forEach((e, fd) => e && this.onChange?.(fd, null));
    for (const e of slots) e?.file.put(k);
  }

  /**
   * fdt->max_fds: the size of the table, which only grows: 64 descriptors at first, then
   * 128, 256, 512... as higher ones are opened (alloc_fdtable in fs/file.c). select()
   * cuts nfds down to it.
   */
  get maxFds(): number {
    const highest = this.slots.length - 1;
    if (highest < 64) return 64;
    return 128 * 2 ** Math.ceil(Math.log2(Math.floor(highest / 128) + 1));
  }

  get count(): number {
    let n = 0;
    for (const e of this.slots) if (e) n++;
    return n;
  }
}
