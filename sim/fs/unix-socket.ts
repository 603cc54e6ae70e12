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
import { WaitQueue, WAKE_ALL_MASK } from '../kernel/waitqueue.js';
import { EAGAIN, ECONNRESET, EINVAL, EISCONN, ENOPROTOOPT, EOPNOTSUPP, EPIPE } from '../kernel/errno.js';
import { O_NONBLOCK, SIGPIPE, SOCK_STREAM } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRBAND, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';
import {
  MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_WAITALL, RCV_SHUTDOWN, SEND_SHUTDOWN, SHUTDOWN_MASK, SHUT_RD, SHUT_RDWR,
  SOL_SOCKET, SO_ACCEPTCONN, SO_ERROR, SO_RCVBUF, SO_SNDBUF, SO_TYPE,
} from './socket-flags.js';
import { setBufferOption, traceBuffers, type SocketFile, type SocketOps } from './socket.js';

/** net.core.wmem_default / rmem_default on a typical Linux system (socket(7)). */
export const UNIX_DEFAULT_SNDBUF = 212_992;
/**
 * Bytes of kernel memory an sk_buff costs beyond its payload (struct sk_buff,
 * skb_shared_info, slab rounding). Calibrated on Linux 6.x: 44 writes of 4096 bytes
 * fill the default 212,992-byte send buffer, i.e. ~4.8 KiB charged per 4 KiB written.
 */
export const SKB_OVERHEAD = 768;

interface Skb {
  data: Uint8Array;
  offset: number;
  truesize: number;
  owner: UnixSocket;
}

export class UnixSocket implements SocketFile, SocketOps {
  readonly kind = 'socket';
  readonly type = SOCK_STREAM;
  readonly sock: SocketOps = this;
  constructor(readonly inode: number) {}

  peer: UnixSocket | null = null;
  /** The peer has been released (SOCK_DEAD): our writes fail with EPIPE. */
  peerDead = false;
  readonly receiveQueue: Skb[] = [];
  /** Bytes of payload queued for reading. */
  queued = 0;
  /** sk_wmem_alloc: truesize of our buffers still sitting in the peer's receive queue. */
  wmemAlloc = 0;
  sndbuf = UNIX_DEFAULT_SNDBUF;
  rcvbuf = UNIX_DEFAULT_SNDBUF;
  /** sk_shutdown: RCV_SHUTDOWN (reads drain the queue, then return 0) | SEND_SHUTDOWN (writes fail with EPIPE). */
  shutdownBits = 0;
  /** Pending error (sk_err), e.g. ECONNRESET when the peer closed with unread data. */
  err = 0;
  readonly wait = new WaitQueue('socket wait queue');

  private label = '';
  describe(): string {
    return (this.label ||= `socket:[${this.inode}]`);
  }

  /** sock_read_iter(): read() is recvmsg() with no flags (MSG_DONTWAIT when O_NONBLOCK). */
  read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    return this.recvmsg(k, t, f, buf, count, f.flags & O_NONBLOCK ? MSG_DONTWAIT : 0);
  }

  write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    return this.sendmsg(k, t, f, data, count, f.flags & O_NONBLOCK ? MSG_DONTWAIT : 0);
  }

  /** unix_stream_read_generic(): data first; then a pending error; then EOF, EAGAIN or sleep. */
  *recvmsg(k: Kernel, t: Thread, _f: OpenFile, buf: Uint8Array, count: number, flags: number): KGen<number> {
    yield* work(k.costs.fileOp);
    const target = flags & MSG_WAITALL ? count : Math.min(1, count);
    let copied = 0;
    for (;;) {
      if (copied >= target && (copied === count || this.queued === 0)) break;
      if (this.queued > 0) {
        copied += yield* this.copyOut(k, t, buf, copied, count - copied, (flags & MSG_PEEK) !== 0);
        if (flags & MSG_PEEK) break;
        continue;
      }
      if (this.err) {
        if (copied > 0) break;
        const e = this.err;
        this.err = 0;
        return -e;
      }
      if (this.shutdownBits & RCV_SHUTDOWN) break;
      if (flags & MSG_DONTWAIT) return copied > 0 ? copied : -EAGAIN;
      yield* k.sleepOn(t, this.wait, 'unix_stream_data_wait');
    }
    return copied;
  }

  /** Copy from the receive queue into buf[at...]; consume unless peeking. */
  private *copyOut(k: Kernel, t: Thread, buf: Uint8Array, at: number, max: number, peek: boolean): KGen<number> {
    let n = 0;
    const freedBy = new Set<UnixSocket>();
    let i = 0;
    while (n < max && i < this.receiveQueue.length) {
      const skb = this.receiveQueue[i]!;
      const chunk = Math.min(skb.data.length - skb.offset, max - n);
      buf.set(skb.data.subarray(skb.offset, skb.offset + chunk), at + n);
      n += chunk;
      if (peek) {
        i++;
        continue;
      }
      skb.offset += chunk;
      if (skb.offset === skb.data.length) {
        this.receiveQueue.shift();
        skb.owner.wmemAlloc -= skb.truesize; // sock_wfree()
        freedBy.add(skb.owner);
      }
    }
    if (!peek) this.queued -= n;
    yield* copyToUser(k, n);
    if (!peek) traceBuffers(k, t, this.describe(), this.queued, this.rcvbuf, this.wmemAlloc, this.sndbuf);
    // unix_write_space(): the sender may write again once its charge is low enough.
    for (const owner of freedBy) if (owner.writable) yield* k.wakeUp(owner.wait, POLLOUT | POLLWRNORM | POLLWRBAND);
    return n;
  }

  /** unix_stream_sendmsg(). */
  *sendmsg(k: Kernel, t: Thread, _f: OpenFile, data: Uint8Array, count: number, flags: number): KGen<number> {
    yield* work(k.costs.fileOp);
    let sent = 0;
    const pipeError = (): number => {
      if (sent > 0) return sent;
      if (!(flags & MSG_NOSIGNAL)) k.sendSignal(t, SIGPIPE);
      return -EPIPE;
    };
    if (this.shutdownBits & SEND_SHUTDOWN) return pipeError();
    while (sent < count) {
      const other = this.peer;
      // One sk_buff: at most half the send buffer, like the kernel's (sk_sndbuf >> 1) - 64.
      const size = Math.min(count - sent, (this.sndbuf >> 1) - 64);
      // sock_alloc_send_pskb(): allowed while our charge is below SO_SNDBUF, else wait.
      if (this.wmemAlloc >= this.sndbuf) {
        if (sent > 0) break;
        if (flags & MSG_DONTWAIT) return -EAGAIN;
        yield* k.sleepOn(t, this.wait, 'sock_alloc_send_pskb');
        if (this.shutdownBits & SEND_SHUTDOWN) return pipeError();
        continue;
      }
      if (!other || this.peerDead || other.shutdownBits & RCV_SHUTDOWN) return pipeError();
      const skb: Skb = { data: data.slice(sent, sent + size), offset: 0, truesize: size + SKB_OVERHEAD, owner: this };
      this.wmemAlloc += skb.truesize;
      yield* copyFromUser(k, size);
      other.receiveQueue.push(skb);
      other.queued += size;
      sent += size;
      traceBuffers(k, t, other.describe(), other.queued, other.rcvbuf, this.wmemAlloc, this.sndbuf);
      // sk_data_ready → sock_def_readable(): wake the reader.
      yield* k.wakeUp(other.wait, POLLIN | POLLRDNORM);
    }
    return sent;
  }

  get writable(): boolean {
    return this.wmemAlloc * 4 <= this.sndbuf;
  }

  /** unix_shutdown(): our side's bits, and the mirror bits on the peer (our SHUT_WR is its RCV_SHUTDOWN). */
  *shutdown(k: Kernel, _t: Thread, how: number): KGen<number> {
    yield* work(k.costs.fileOp);
    if (how !== SHUT_RD && how !== 1 && how !== SHUT_RDWR) return -EINVAL;
    const mode = (how + 1) & SHUTDOWN_MASK;
    this.shutdownBits |= mode;
    yield* k.wakeUp(this.wait, WAKE_ALL_MASK, Infinity);
    const other = this.peer;
    if (other) {
      let peerMode = 0;
      if (mode & RCV_SHUTDOWN) peerMode |= SEND_SHUTDOWN;
      if (mode & SEND_SHUTDOWN) peerMode |= RCV_SHUTDOWN;
      other.shutdownBits |= peerMode;
      yield* k.wakeUp(other.wait, WAKE_ALL_MASK, Infinity);
    }
    return 0;
  }

  getsockopt(_k: Kernel, _t: Thread, level: number, name: number): number {
    if (level !== SOL_SOCKET) return -EOPNOTSUPP;
    switch (name) {
      case SO_ERROR: {
        const e = this.err;
        this.err = 0;
        return e;
      }
      case SO_SNDBUF: return this.sndbuf;
      case SO_RCVBUF: return this.rcvbuf;
      case SO_TYPE: return this.type;
      case SO_ACCEPTCONN: return 0;
      default: return -ENOPROTOOPT;
    }
  }

  setsockopt(_k: Kernel, _t: Thread, level: number, name: number, value: number): number {
    if (level !== SOL_SOCKET) return -EOPNOTSUPP;
    return setBufferOption(this, name, value);
  }

  /** unix_stream_connect() on a connected socket; listen() and accept() need an unconnected one. */
  *connect(): KGen<number> {
    return -EISCONN;
  }
  *listen(): KGen<number> {
    return -EINVAL;
  }
  *accept(): KGen<number> {
    return -EINVAL;
  }
  *bind(): KGen<number> {
    return -EINVAL;
  }

  /** unix_poll(). Writable even after shutdown, "to prevent stuck sockets", as the kernel says. */
  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.wait);
    let mask = 0;
    if (this.err) mask |= POLLERR;
    if (this.shutdownBits === SHUTDOWN_MASK) mask |= POLLHUP;
    if (this.shutdownBits & RCV_SHUTDOWN) mask |= POLLRDHUP | POLLIN | POLLRDNORM;
    if (this.queued > 0) mask |= POLLIN | POLLRDNORM;
    if (this.writable) mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
    return mask;
  }

  /** unix_release_sock(): the peer can send and receive no more; unread data here means the peer gets ECONNRESET. */
  release(k: Kernel): void {
    void k;
    const other = this.peer;
    this.peer = null;
    for (const skb of this.receiveQueue) skb.owner.wmemAlloc -= skb.truesize;
    const hadUnread = this.receiveQueue.length > 0;
    this.receiveQueue.length = 0;
    this.queued = 0;
    if (other) {
      other.shutdownBits = SHUTDOWN_MASK;
      other.peerDead = true;
      if (hadUnread) other.err = ECONNRESET;
      other.wait.wake(WAKE_ALL_MASK, Infinity);
    }
  }
}

export function unixSocketPair(k: Kernel): [FileObject & UnixSocket, FileObject & UnixSocket] {
  const a = new UnixSocket(k.allocInode());
  const b = new UnixSocket(k.allocInode());
  a.peer = b;
  b.peer = a;
  return [a, b];
}
