// TCP sockets (net/ipv4/tcp.c, af_inet.c): reading, writing, polling, shutdown and close.
// Connection setup and arriving segments are in tcp-input.ts.
//
// The receive queue holds bytes that arrived and wait for read(); what the peer may
// send is limited by the free space it was told (the window). Bytes written go to the
// send queue (sk_wmem_queued) and stay charged to SO_SNDBUF until the peer acknowledges
// them; a writer blocks or gets EAGAIN when the charge reaches SO_SNDBUF. Receive-buffer
// autotuning and send-buffer expansion (tcp_rcv_space_adjust, tcp_sndbuf_expand) are not
// modelled: buffers keep their set sizes, so the sim fills sooner than Linux does.

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue, WAKE_ALL_MASK } from '../kernel/waitqueue.js';
import { EAGAIN, EINVAL, ENOPROTOOPT, ENOTCONN, EPIPE } from '../kernel/errno.js';
import { O_NONBLOCK, SIGPIPE, SOCK_STREAM } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser, copyToUser } from '../kernel/uaccess.js';
import {
  IPPROTO_TCP, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_WAITALL, RCV_SHUTDOWN, SEND_SHUTDOWN, SHUTDOWN_MASK, SOL_SOCKET,
  SO_ACCEPTCONN, SO_ERROR, SO_KEEPALIVE, SO_RCVBUF, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF, SO_TYPE, TCP_NODELAY,
} from './socket-flags.js';
import { setBufferOption, traceBuffers, type SockAddr, type SocketFile, type SocketOps } from './socket.js';
import { netns, LOOPBACK_MSS, type InetNamespace, type RxTally, type Segment, type SegmentKind, type TcpEndpoint } from './inet.js';
import * as input from './tcp-input.js';
import * as conn from './tcp-connect.js';

/** tcp_wmem[1] and tcp_rmem[1]: the initial SO_SNDBUF and SO_RCVBUF of a TCP socket. */
export const TCP_DEFAULT_SNDBUF = 16_384;
export const TCP_DEFAULT_RCVBUF = 131_072;

/** sk_state, reduced to the states a program can tell apart. */
export type TcpState = 'CLOSE' | 'LISTEN' | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'CLOSE_WAIT' | 'FIN_WAIT' | 'LAST_ACK';

/** struct socket's state (SS_*): what connect() has been told, apart from the TCP state. */
export type SocketState = 'UNCONNECTED' | 'CONNECTING' | 'CONNECTED';

export class TcpSocket implements SocketFile, SocketOps, TcpEndpoint {
  readonly kind = 'socket';
  readonly type = SOCK_STREAM;
  readonly sock: SocketOps = this;
  state: TcpState = 'CLOSE';
  ss: SocketState = 'UNCONNECTED';
  /** sk_shutdown: RCV_SHUTDOWN | SEND_SHUTDOWN. */
  shutdownBits = 0;
  /** sk_err: reported once, by the next call that looks (sock_error). */
  err = 0;
  /** SOCK_DONE: the peer's FIN has arrived. */
  done = false;
  /** Closed by its last descriptor but still finishing its sends (SOCK_DEAD). */
  orphan = false;
  local: SockAddr | null = null;
  remote: SockAddr | null = null;
  /** Did bind() (or an automatic bind) put this socket in the port table? */
  bound = false;
  /** Bound by the program (SOCK_BINDPORT_LOCK): the port stays after a failed connect. */
  userBound = false;
  mss = LOOPBACK_MSS;
  sndbuf = TCP_DEFAULT_SNDBUF;
  rcvbuf = TCP_DEFAULT_RCVBUF;
  readonly options = new Map<string, number>();

  // Receiving.
  readonly rcvQueue: { data: Uint8Array; offset: number }[] = [];
  rcvQueued = 0;
  /** The window the peer believes it may still fill (what we advertised, less what came since). */
  advertised = 0;

  // Sending.
  readonly unsent: Uint8Array[] = [];
  unsentBytes = 0;
  /** Sent, not yet acknowledged. */
  inflight = 0;
  /** How much more the peer's window allows. */
  sndWnd = 0;
  /** A FIN waits for the unsent bytes to go first (shutdown(SHUT_WR) or close). */
  finPending = false;
  finSent = false;
  /** SOCK_NOSPACE: someone found the send buffer full, so freeing space must wake (sk_stream_write_space). */
  nospace = false;

  // Listening.
  backlog = 0;
  readonly acceptQueue: TcpSocket[] = [];
  /** For a connection not yet accepted: its listener. */
  parent: TcpSocket | null = null;
  synRetries = 0;

  readonly wait = new WaitQueue('socket wait queue');

  constructor(
    /** The network namespace the socket lives in (sock_net). */
    readonly ns: InetNamespace,
    readonly inode: number,
  ) {}

  /** What /proc/PID/fd shows, made once (trace events name the socket often). */
  private label = '';
  describe(): string {
    return (this.label ||= `socket:[${this.inode}]`);
  }

  /** sk_wmem_queued: bytes charged to the send buffer. */
  get wmemQueued(): number {
    return this.unsentBytes + this.inflight;
  }

  /** The receive window: half the buffer for payload, as tcp_adv_win_scale = 1 reserves half for overhead. */
  get rcvSpace(): number {
    return Math.max(0, (this.rcvbuf >> 1) - this.rcvQueued);
  }

  /** tcp_ioctl(SIOCINQ), which FIONREAD is: the unread bytes, or EINVAL on a listening socket. */
  inq(): number {
    return this.state === 'LISTEN' ? -EINVAL : this.rcvQueued;
  }

  /** sk_stream_memory_free(). */
  get memoryFree(): boolean {
    return this.wmemQueued < this.sndbuf;
  }

  /** __sk_stream_is_writeable(): free space at least half of what is queued. */
  get writeable(): boolean {
    return this.memoryFree && this.sndbuf - this.wmemQueued >= this.wmemQueued >> 1;
  }

  read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    return this.recvmsg(k, t, f, buf, count, f.flags & O_NONBLOCK ? MSG_DONTWAIT : 0);
  }

  write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    return this.sendmsg(k, t, f, data, count, f.flags & O_NONBLOCK ? MSG_DONTWAIT : 0);
  }

  /** tcp_recvmsg_locked(): take what is queued; else EOF, a pending error, ENOTCONN, EAGAIN, or sleep. */
  *recvmsg(k: Kernel, t: Thread, _f: OpenFile, buf: Uint8Array, count: number, flags: number): KGen<number> {
    yield* work(k.costs.fileOp);
    if (this.state === 'LISTEN') return -ENOTCONN;
    const peek = (flags & MSG_PEEK) !== 0;
    const target = flags & MSG_WAITALL ? count : 1;
    let copied = 0;
    for (;;) {
      if (this.rcvQueued > 0 && copied < count) {
        copied += yield* this.copyOut(k, t, buf, copied, count - copied, peek);
        if (peek) break;
      }
      if (copied >= target || copied >= count) break;
      if (copied > 0) {
        if (this.err || this.state === 'CLOSE' || this.shutdownBits & RCV_SHUTDOWN || flags & MSG_DONTWAIT) break;
      } else {
        if (this.done) break;
        if (this.err) return -this.takeError();
        if (this.shutdownBits & RCV_SHUTDOWN) break;
        if (this.state === 'CLOSE') return -ENOTCONN;
        if (flags & MSG_DONTWAIT) return -EAGAIN;
      }
      yield* k.sleepOn(t, this.wait, 'sk_wait_data');
    }
    if (copied > 0 && !peek) yield* this.charge(k, input.cleanupRbuf(k, this));
    return copied;
  }

  private *copyOut(k: Kernel, t: Thread, buf: Uint8Array, at: number, max: number, peek: boolean): KGen<number> {
    let n = 0;
    for (let i = 0; n < max && i < this.rcvQueue.length; ) {
      const c = this.rcvQueue[i]!;
      const chunk = Math.min(c.data.length - c.offset, max - n);
      buf.set(c.data.subarray(c.offset, c.offset + chunk), at + n);
      n += chunk;
      if (peek) {
        i++;
        continue;
      }
      c.offset += chunk;
      if (c.offset === c.data.length) this.rcvQueue.shift();
    }
    if (!peek) this.rcvQueued -= n;
    yield* copyToUser(k, n);
    if (!peek) this.traceBuffers(k, t);
    return n;
  }

  /** tcp_sendmsg_locked(): wait for the connection, then copy into the send queue as SO_SNDBUF allows. */
  *sendmsg(k: Kernel, t: Thread, _f: OpenFile, data: Uint8Array, count: number, flags: number): KGen<number> {
    yield* work(k.costs.fileOp);
    const nonblock = (flags & MSG_DONTWAIT) !== 0;
    // sk_stream_error(): EPIPE reports a pending error instead, else raises SIGPIPE.
    const streamError = (err: number): number => {
      if (err === -EPIPE) err = this.err ? -this.takeError() : -EPIPE;
      if (err === -EPIPE && !(flags & MSG_NOSIGNAL)) k.sendSignal(t, SIGPIPE);
      return err;
    };
    // sk_stream_wait_connect().
    while (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE_WAIT') {
      if (this.err) return -this.takeError();
      if (this.state !== 'SYN_SENT' && this.state !== 'SYN_RECV') return streamError(-EPIPE);
      if (nonblock) return -EAGAIN;
      yield* k.sleepOn(t, this.wait, 'sk_stream_wait_connect');
    }
    let sent = 0;
    while (sent < count) {
      if (this.err || this.shutdownBits & SEND_SHUTDOWN) return sent > 0 ? sent : streamError(-EPIPE);
      if (!this.memoryFree) {
        this.nospace = true;
        if (sent > 0 && nonblock) break;
        if (nonblock) return -EAGAIN;
        yield* k.sleepOn(t, this.wait, 'sk_stream_wait_memory');
        continue;
      }
      const n = Math.min(count - sent, this.sndbuf - this.wmemQueued);
      yield* copyFromUser(k, n);
      this.unsent.push(data.slice(sent, sent + n));
      this.unsentBytes += n;
      sent += n;
      yield* this.charge(k, input.push(k, this));
      this.traceBuffers(k, t);
    }
    return sent;
  }

  /** Charge the calling thread for segments it sent and processed, and for the threads it woke. */
  *charge(k: Kernel, tally: RxTally & { sent?: number }): KGen<void> {
    const ns = (tally.sent ?? 0) * k.costs.tcpXmit + tally.segments * k.costs.tcpRcv + tally.woken * k.costs.wakeup;
    if (ns > 0) yield { op: 'cpu', ns, mode: 'kernel' };
  }

  takeError(): number {
    const e = this.err;
    this.err = 0;
    return e;
  }

  /** inet_shutdown() + tcp_shutdown(). */
  *shutdown(k: Kernel, _t: Thread, how: number): KGen<number> {
    yield* work(k.costs.fileOp);
    if (how !== 0 && how !== 1 && how !== 2) return -EINVAL;
    const mode = how + 1;
    if (this.ss === 'CONNECTING') this.ss = this.state === 'SYN_SENT' || this.state === 'SYN_RECV' || this.state === 'CLOSE' ? 'UNCONNECTED' : 'CONNECTED';
    let err = 0;
    const tally = { segments: 0, woken: 0, sent: 0 };
    switch (this.state) {
      case 'LISTEN':
        if (mode & RCV_SHUTDOWN) conn.listenStop(k, this, tally);
        break;
      case 'SYN_SENT':
        conn.disconnect(k, this);
        break;
      case 'CLOSE':
        err = -ENOTCONN;
        this.shutdownBits |= mode; // the kernel sets the bits even so ("to wake up other listeners")
        break;
      default:
        this.shutdownBits |= mode;
        if (mode & SEND_SHUTDOWN) input.sendFin(k, this, tally);
    }
    tally.woken += this.wait.wake(WAKE_ALL_MASK, Infinity); // sk_state_change()
    yield* this.charge(k, tally);
    return err;
  }

  getsockopt(_k: Kernel, _t: Thread, level: number, name: number): number {
    if (level === IPPROTO_TCP) return name === TCP_NODELAY ? (this.options.get('nodelay') ?? 0) : -ENOPROTOOPT;
    if (level !== SOL_SOCKET) return -ENOPROTOOPT;
    switch (name) {
      case SO_ERROR: return this.takeError();
      case SO_SNDBUF: return this.sndbuf;
      case SO_RCVBUF: return this.rcvbuf;
      case SO_TYPE: return this.type;
      case SO_ACCEPTCONN: return this.state === 'LISTEN' ? 1 : 0;
      case SO_REUSEADDR: return this.options.get('reuseaddr') ?? 0;
      case SO_REUSEPORT: return this.options.get('reuseport') ?? 0;
      case SO_KEEPALIVE: return this.options.get('keepalive') ?? 0;
      default: return -ENOPROTOOPT;
    }
  }

  setsockopt(_k: Kernel, _t: Thread, level: number, name: number, value: number): number {
    const flag = value ? 1 : 0;
    if (level === IPPROTO_TCP) {
      if (name !== TCP_NODELAY) return -ENOPROTOOPT;
      this.options.set('nodelay', flag); // Nagle's algorithm is not modelled: segments always go at once
      return 0;
    }
    if (level !== SOL_SOCKET) return -ENOPROTOOPT;
    if (name === SO_REUSEADDR) return this.options.set('reuseaddr', flag), 0;
    if (name === SO_REUSEPORT) return this.options.set('reuseport', flag), 0;
    if (name === SO_KEEPALIVE) return this.options.set('keepalive', flag), 0;
    return setBufferOption(this, name, value);
  }

  bind(k: Kernel, t: Thread, addr: SockAddr): KGen<number> {
    return conn.bind(k, t, this, addr);
  }
  listen(k: Kernel, t: Thread, backlog: number): KGen<number> {
    return conn.listen(k, t, this, backlog);
  }
  accept(k: Kernel, t: Thread, f: OpenFile): KGen<FileObject | number> {
    return conn.accept(k, t, this, (f.flags & O_NONBLOCK) !== 0);
  }
  connect(k: Kernel, t: Thread, f: OpenFile, addr: SockAddr): KGen<number> {
    return conn.connect(k, t, this, addr, (f.flags & O_NONBLOCK) !== 0);
  }
  name(peer: boolean): SockAddr | null {
    if (peer) return this.state === 'ESTABLISHED' || this.state === 'CLOSE_WAIT' || this.state === 'FIN_WAIT' ? this.remote : null;
    return this.local ?? { addr: '0.0.0.0', port: 0 };
  }

  /** tcp_poll(). */
  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.wait);
    if (this.state === 'LISTEN') return this.acceptQueue.length > 0 ? POLLIN | POLLRDNORM : 0; // inet_csk_listen_poll
    let mask = 0;
    if (this.shutdownBits === SHUTDOWN_MASK || this.state === 'CLOSE') mask |= POLLHUP;
    if (this.shutdownBits & RCV_SHUTDOWN) mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (this.state !== 'SYN_SENT' && this.state !== 'SYN_RECV') {
      if (this.rcvQueued > 0) mask |= POLLIN | POLLRDNORM;
      if (!(this.shutdownBits & SEND_SHUTDOWN)) {
        if (this.writeable) mask |= POLLOUT | POLLWRNORM;
        else this.nospace = true;
      } else mask |= POLLOUT | POLLWRNORM;
    }
    if (this.err) mask |= POLLERR;
    return mask;
  }

  /** tcp_close(): the last descriptor is gone. */
  release(k: Kernel): void {
    conn.close(k, this);
  }

  /** tcp_v4_rcv() found this socket. */
  receive(k: Kernel, seg: Segment, tally: RxTally): void {
    input.receive(k, this, seg, tally);
  }

  /** Send a control or data segment to the peer (tcp_transmit_skb). */
  send(kind: SegmentKind, tally: RxTally, extra: Partial<Segment> = {}): void {
    if (!this.local || !this.remote) return;
    this.ns.transmit({ kind, src: this.local, dst: this.remote, ...extra }, tally);
  }

  traceBuffers(k: Kernel, t: Thread | null): void {
    traceBuffers(k, t, this.describe(), this.rcvQueued, this.rcvbuf, this.wmemQueued, this.sndbuf);
  }
}

export function newTcpSocket(k: Kernel): TcpSocket {
  return new TcpSocket(netns(k), k.allocInode());
}
