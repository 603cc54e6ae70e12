// Connected UNIX-domain stream sockets, as socketpair(AF_UNIX, SOCK_STREAM) makes
// them (net/unix/af_unix.c).
//
// A write copies the data into socket buffers (sk_buffs) queued straight onto the
// peer's receive queue. The buffers are charged to the *sender* (sk_wmem_alloc); the
// sender blocks or gets EAGAIN when its charge reaches SO_SNDBUF, and is writable
// again (for poll) once the charge is at most a quarter of SO_SNDBUF (unix_writable).
// Each socket has one wait queue for readers and writers alike (sk_sleep).

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { EAGAIN, ECONNRESET, EPIPE } from '../kernel/errno.js';
import { O_NONBLOCK, SIGPIPE } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRBAND, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';

/** net.core.wmem_default / rmem_default on a typical Linux system (socket(7)). */
export const UNIX_DEFAULT_SNDBUF = 212_992;
/**
 * Bytes of kernel memory an sk_buff costs beyond its payload (struct sk_buff and
 * skb_shared_info, cache-aligned). A simplification of SKB_TRUESIZE().
 */
export const SKB_OVERHEAD = 576;

interface Skb {
  data: Uint8Array;
  offset: number;
  truesize: number;
  owner: UnixSocket;
}

export class UnixSocket implements FileObject {
  readonly kind = 'socket';
  constructor(readonly inode: number) {}

  peer: UnixSocket | null = null;
  readonly receiveQueue: Skb[] = [];
  /** Bytes of payload queued for reading. */
  queued = 0;
  /** sk_wmem_alloc: truesize of our buffers still sitting in the peer's receive queue. */
  wmemAlloc = 0;
  sndbuf = UNIX_DEFAULT_SNDBUF;
  /** Peer closed (or shut down writing): reads drain the queue, then return 0. */
  rcvShutdown = false;
  /** Peer closed: writes fail with EPIPE. */
  sendShutdown = false;
  /** Pending error (sk_err), e.g. ECONNRESET when the peer closed with unread data. */
  err = 0;
  readonly wait = new WaitQueue('socket wait queue');

  describe(): string {
    return `socket:[${this.inode}]`;
  }

  /** unix_stream_read_generic(). */
  *read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    yield* work(k.costs.fileOp);
    for (;;) {
      if (this.err) {
        const e = this.err;
        this.err = 0;
        return -e;
      }
      if (this.queued > 0) break;
      if (count === 0) return 0;
      if (this.rcvShutdown) return 0;
      if (f.flags & O_NONBLOCK) return -EAGAIN;
      yield* k.sleepOn(t, this.wait, 'unix_stream_data_wait');
    }
    let copied = 0;
    const freedBy = new Set<UnixSocket>();
    while (copied < count && this.receiveQueue.length > 0) {
      const skb = this.receiveQueue[0]!;
      const n = Math.min(skb.data.length - skb.offset, count - copied);
      buf.set(skb.data.subarray(skb.offset, skb.offset + n), copied);
      skb.offset += n;
      copied += n;
      if (skb.offset === skb.data.length) {
        this.receiveQueue.shift();
        skb.owner.wmemAlloc -= skb.truesize; // sock_wfree()
        freedBy.add(skb.owner);
      }
    }
    this.queued -= copied;
    yield* copyToUser(k, copied);
    // unix_write_space(): the sender may write again once its charge is low enough.
    for (const owner of freedBy) if (owner.writable) yield* k.wakeUp(owner.wait, POLLOUT | POLLWRNORM | POLLWRBAND);
    return copied;
  }

  /** unix_stream_sendmsg(). */
  *write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    yield* work(k.costs.fileOp);
    let sent = 0;
    while (sent < count) {
      const other = this.peer;
      if (this.sendShutdown || !other || other.rcvShutdown) {
        if (sent > 0) break;
        k.sendSignal(t, SIGPIPE);
        return -EPIPE;
      }
      // One sk_buff: at most half the send buffer, like the kernel's (sk_sndbuf >> 1) - 64.
      const size = Math.min(count - sent, (this.sndbuf >> 1) - 64);
      // sock_alloc_send_pskb(): allowed while our charge is below SO_SNDBUF, else wait.
      if (this.wmemAlloc >= this.sndbuf) {
        if (sent > 0) break;
        if (f.flags & O_NONBLOCK) return -EAGAIN;
        yield* k.sleepOn(t, this.wait, 'sock_alloc_send_pskb');
        continue;
      }
      const skb: Skb = { data: data.slice(sent, sent + size), offset: 0, truesize: size + SKB_OVERHEAD, owner: this };
      this.wmemAlloc += skb.truesize;
      yield* copyFromUser(k, size);
      other.receiveQueue.push(skb);
      other.queued += size;
      sent += size;
      // sk_data_ready → sock_def_readable(): wake the reader.
      yield* k.wakeUp(other.wait, POLLIN | POLLRDNORM);
    }
    return sent;
  }

  get writable(): boolean {
    return this.wmemAlloc * 4 <= this.sndbuf;
  }

  /** unix_poll(). */
  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.wait);
    let mask = 0;
    if (this.err) mask |= POLLERR;
    if (this.rcvShutdown && this.sendShutdown) mask |= POLLHUP;
    if (this.rcvShutdown) mask |= POLLRDHUP | POLLIN | POLLRDNORM;
    if (this.queued > 0) mask |= POLLIN | POLLRDNORM;
    if (this.writable && !this.sendShutdown) mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
    return mask;
  }

  /** unix_release_sock(): the peer sees end of file; unread data here means the peer gets ECONNRESET. */
  release(k: Kernel): void {
    void k;
    const other = this.peer;
    this.peer = null;
    for (const skb of this.receiveQueue) skb.owner.wmemAlloc -= skb.truesize;
    const hadUnread = this.receiveQueue.length > 0;
    this.receiveQueue.length = 0;
    this.queued = 0;
    if (other) {
      other.rcvShutdown = true;
      other.sendShutdown = true;
      if (hadUnread) other.err = ECONNRESET;
      other.wait.wake(POLLIN | POLLOUT | POLLHUP | POLLRDHUP, Infinity);
    }
  }
}

export function unixSocketPair(k: Kernel): [UnixSocket, UnixSocket] {
  const a = new UnixSocket(k.allocInode());
  const b = new UnixSocket(k.allocInode());
  a.peer = b;
  b.peer = a;
  return [a, b];
}
