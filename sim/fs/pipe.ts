// Pipes, after fs/pipe.c.
//
// A pipe is a ring of page-sized buffers (struct pipe_buffer), 16 of them by default
// (64 KiB, pipe(7)). A write first tries to merge into the last, partly filled page;
// otherwise it needs a free slot. That is where PIPE_BUF atomicity comes from: a
// write of at most one page is never split across the reader's view. Readers and
// writers sleep on two wait queues, rd_wait and wr_wait.

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { EAGAIN, EPIPE } from '../kernel/errno.js';
import { O_NONBLOCK, PAGE_SIZE, PIPE_DEF_CAPACITY, SIGPIPE } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';

interface PipeBuffer {
  data: Uint8Array;
  offset: number;
  len: number;
}

export class Pipe {
  constructor(readonly inode: number) {}

  /** The ring, oldest first (tail … head in the kernel's terms). */
  readonly bufs: PipeBuffer[] = [];
  /** pipe->max_usage: number of slots (F_SETPIPE_SZ changes it). */
  maxUsage = PIPE_DEF_CAPACITY / PAGE_SIZE;
  readers = 0;
  writers = 0;
  readonly rdWait = new WaitQueue('pipe rd_wait');
  readonly wrWait = new WaitQueue('pipe wr_wait');
  /** Set once anyone polls the pipe; from then on every write wakes readers (Linux 5.16+, for EPOLLET users). */
  pollUsage = false;

  get empty(): boolean {
    return this.bufs.length === 0;
  }
  get full(): boolean {
    return this.bufs.length >= this.maxUsage;
  }
  /** Bytes waiting to be read (FIONREAD). */
  get size(): number {
    let n = 0;
    for (const b of this.bufs) n += b.len;
    return n;
  }
  get capacity(): number {
    return this.maxUsage * PAGE_SIZE;
  }
}

/** Copy up to `count` bytes out of the ring into `buf` (the loop body of pipe_read). */
function takeFromPipe(pipe: Pipe, buf: Uint8Array, count: number): number {
  let copied = 0;
  while (copied < count && pipe.bufs.length > 0) {
    const b = pipe.bufs[0]!;
    const chars = Math.min(b.len, count - copied);
    buf.set(b.data.subarray(b.offset, b.offset + chars), copied);
    b.offset += chars;
    b.len -= chars;
    copied += chars;
    if (b.len === 0) pipe.bufs.shift();
  }
  return copied;
}

/** The read end: pipefd[0]. */
export class PipeReadEnd implements FileObject {
  readonly kind = 'pipe';
  constructor(readonly pipe: Pipe) {
    pipe.readers++;
  }
  describe(): string {
    return `pipe:[${this.pipe.inode}]`;
  }

  /** pipe_read(): take what is there; with nothing there, EOF if no writers, else EAGAIN or sleep. */
  *read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    const pipe = this.pipe;
    if (count === 0) return 0;
    yield* work(k.costs.fileOp);
    let wasFull = pipe.full;
    let wakeNextReader = false;
    let ret = 0;
    for (;;) {
      if (!pipe.empty) {
        ret = takeFromPipe(pipe, buf, count);
        tracePipe(k, t, pipe);
        yield* copyToUser(k, ret);
        break;
      }
      if (pipe.writers === 0) break; // end of file
      if (f.flags & O_NONBLOCK) return -EAGAIN;
      // We read nothing: let a writer stuck on a full pipe in, then sleep (exclusive, like the kernel).
      if (wasFull) yield* k.wakeUp(pipe.wrWait, POLLOUT | POLLWRNORM);
      yield* k.sleepOn(t, pipe.rdWait, 'pipe_read', undefined, true);
      wasFull = pipe.full;
      wakeNextReader = true;
    }
    if (pipe.empty) wakeNextReader = false;
    if (wasFull) yield* k.wakeUp(pipe.wrWait, POLLOUT | POLLWRNORM);
    if (wakeNextReader) yield* k.wakeUp(pipe.rdWait, POLLIN | POLLRDNORM);
    return ret;
  }

  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    const pipe = this.pipe;
    if (table) table.wait(pipe.rdWait);
    pipe.pollUsage = true;
    let mask = 0;
    if (!pipe.empty) mask |= POLLIN | POLLRDNORM;
    if (pipe.writers === 0) mask |= POLLHUP;
    return mask;
  }

  /** pipe_release(): the last reader is gone; writers must find out (EPIPE). */
  release(k: Kernel): void {
    this.pipe.readers--;
    if (this.pipe.readers === 0) wakeBothSides(this.pipe);
    void k;
  }
}

/** The write end: pipefd[1]. */
export class PipeWriteEnd implements FileObject {
  readonly kind = 'pipe';
  constructor(readonly pipe: Pipe) {
    pipe.writers++;
  }
  describe(): string {
    return `pipe:[${this.pipe.inode}]`;
  }

  /** pipe_write(). */
  *write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    const pipe = this.pipe;
    yield* work(k.costs.fileOp);
    if (pipe.readers === 0) {
      k.sendSignal(t, SIGPIPE);
      return -EPIPE;
    }
    if (count === 0) return 0;
    let wasEmpty = pipe.empty;
    let ret = 0;
    let wakeNextWriter = false;
    // Merge the part that is not a whole number of pages into the last page, if it all fits.
    const chars = count & (PAGE_SIZE - 1);
    const last = pipe.bufs[pipe.bufs.length - 1];
    if (chars && !wasEmpty && last && last.offset + last.len + chars <= PAGE_SIZE) {
      last.data.set(data.subarray(0, chars), last.offset + last.len);
      last.len += chars;
      ret = chars;
      tracePipe(k, t, pipe);
      yield* copyFromUser(k, chars);
    }
    while (ret < count) {
      if (pipe.readers === 0) {
        k.sendSignal(t, SIGPIPE);
        if (ret === 0) ret = -EPIPE;
        break;
      }
      if (!pipe.full) {
        const n = Math.min(PAGE_SIZE, count - ret);
        const page = new Uint8Array(PAGE_SIZE);
        page.set(data.subarray(ret, ret + n));
        pipe.bufs.push({ data: page, offset: 0, len: n });
        ret += n;
        tracePipe(k, t, pipe);
        yield* copyFromUser(k, n);
        continue;
      }
      // Full: wait for space.
      if (f.flags & O_NONBLOCK) {
        if (ret === 0) ret = -EAGAIN;
        break;
      }
      if (wasEmpty) yield* k.wakeUp(pipe.rdWait, POLLIN | POLLRDNORM);
      yield* k.sleepOn(t, pipe.wrWait, 'pipe_write', undefined, true);
      wasEmpty = pipe.empty;
      wakeNextWriter = true;
    }
    if (pipe.full) wakeNextWriter = false;
    if (wasEmpty || pipe.pollUsage) yield* k.wakeUp(pipe.rdWait, POLLIN | POLLRDNORM);
    if (wakeNextWriter) yield* k.wakeUp(pipe.wrWait, POLLOUT | POLLWRNORM);
    return ret;
  }

  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    const pipe = this.pipe;
    if (table) table.wait(pipe.wrWait);
    pipe.pollUsage = true;
    let mask = 0;
    if (!pipe.full) mask |= POLLOUT | POLLWRNORM;
    if (pipe.readers === 0) mask |= POLLERR;
    return mask;
  }

  /** The last writer is gone: readers see end of file. */
  release(k: Kernel): void {
    this.pipe.writers--;
    if (this.pipe.writers === 0) wakeBothSides(this.pipe);
    void k;
  }
}

/**
 * The pipe's fill level after a change, for inspectors (trace category 'io', name
 * 'pipe buffer'; detail: pipe — as /proc shows it, len — bytes waiting, size — capacity).
 */
function tracePipe(k: Kernel, t: Thread, pipe: Pipe): void {
  k.emit({ t: k.now, dur: 0, cat: 'io', name: 'pipe buffer', pid: t.process.pid, tid: t.tid, detail: { pipe: `pipe:[${pipe.inode}]`, len: pipe.size, size: pipe.capacity } });
}

/** pipe_release(): when one side is gone, wake_up_interruptible_all() both queues. */
function wakeBothSides(pipe: Pipe): void {
  pipe.rdWait.wake(POLLIN | POLLRDNORM | POLLHUP, Infinity);
  pipe.wrWait.wake(POLLOUT | POLLWRNORM | POLLERR, Infinity);
}
