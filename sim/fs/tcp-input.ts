// What happens to a TCP segment when it arrives (net/ipv4/tcp_input.c, tcp_ipv4.c), and
// how queued bytes leave (tcp_output.c). Called from the loopback backlog inside a
// system call, or from the outside world's delivery; either way these functions only
// change state and wake wait queues, and report in `tally` what the CPU did, so that a
// caller in a system call can charge for it (an arrival from the world is charged by
// whatever delivers it).

import type { Kernel } from '../kernel/kernel.js';
import { WAKE_ALL_MASK } from '../kernel/waitqueue.js';
import { ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT } from '../kernel/errno.js';
import { POLLIN, POLLOUT, POLLPRI, POLLRDBAND, POLLRDNORM, POLLWRBAND, POLLWRNORM } from '../kernel/poll.js';
import { RCV_SHUTDOWN, SHUTDOWN_MASK } from './socket-flags.js';
import { isLoopback, netns, ETHERNET_MSS, LOOPBACK_MSS, type RxTally, type Segment } from './inet.js';
import { TcpSocket } from './tcp.js';

export type Tally = RxTally & { sent?: number };

/** sock_def_readable()'s wake key. */
const READABLE = POLLIN | POLLPRI | POLLRDNORM | POLLRDBAND;
/** sk_stream_write_space()'s wake key. */
const WRITABLE = POLLOUT | POLLWRNORM | POLLWRBAND;
/** TCP_TIMEOUT_INIT: the first SYN retransmission after 1 s, then doubling; tcp_syn_retries = 6. */
const SYN_RTO = 1_000_000_000;
const SYN_RETRIES = 6;

/**
 * tcp_data_queue() + sk_data_ready(): bytes join a socket's receive queue and readers
 * (and epoll, and poll) are woken. This is the one way bytes reach a socket; a NIC model
 * calls it from its NET_RX softirq. Returns the number of wait-queue entries woken.
 */
export function tcpDataQueue(k: Kernel, s: TcpSocket, data: Uint8Array): number {
  s.rcvQueue.push({ data, offset: 0 });
  s.rcvQueued += data.length;
  s.advertised = Math.max(0, s.advertised - data.length);
  s.traceBuffers(k, null);
  return s.wait.wake(READABLE, 1);
}

/** The socket's part of tcp_v4_rcv(): tcp_rcv_state_process / tcp_rcv_established. */
export function receive(k: Kernel, s: TcpSocket, seg: Segment, tally: Tally): void {
  switch (seg.kind) {
    case 'SYNACK':
      if (s.state !== 'SYN_SENT') return;
      s.state = 'ESTABLISHED'; // tcp_finish_connect()
      s.sndWnd = seg.window ?? 0;
      s.advertised = s.rcvSpace;
      s.send('ACK', tally, { ack: 0, window: s.advertised });
      tally.woken += s.wait.wake(WAKE_ALL_MASK, Infinity); // sk_state_change()
      return;
    case 'ACK':
      if (s.state === 'SYN_RECV') return established(k, s, seg, tally);
      return ackReceived(k, s, seg, tally);
    case 'DATA': {
      const data = seg.data ?? new Uint8Array(0);
      // Data for a socket that has shut down reading and sent its FIN (closed): reset (tcp_rcv_state_process, FIN_WAIT).
      if ((s.state === 'FIN_WAIT' || s.state === 'LAST_ACK' || s.orphan) && s.shutdownBits & RCV_SHUTDOWN) {
        s.send('RST', tally);
        done(k, s, tally);
        return;
      }
      tally.woken += tcpDataQueue(k, s, data);
      s.send('ACK', tally, { ack: data.length, window: s.rcvSpace });
      s.advertised = s.rcvSpace;
      return;
    }
    case 'FIN': // tcp_fin()
      s.done = true;
      s.shutdownBits |= RCV_SHUTDOWN;
      if (s.state === 'ESTABLISHED') s.state = 'CLOSE_WAIT';
      else if (s.state === 'FIN_WAIT' && s.finSent) done(k, s, tally); // both FINs exchanged: TIME_WAIT, then gone
      tally.woken += s.wait.wake(WAKE_ALL_MASK, Infinity);
      return;
    case 'RST':
      return reset(k, s, tally);
    default:
      return; // a repeated SYN: ignored
  }
}

/** The handshake's last ACK: the connection is ready to be accept()ed (tcp_check_req → inet_csk_complete_hashdance). */
function established(k: Kernel, s: TcpSocket, seg: Segment, tally: Tally): void {
  const l = s.parent;
  if (!l || l.state !== 'LISTEN') {
    s.send('RST', tally);
    done(k, s, tally);
    return;
  }
  s.sndWnd = seg.window ?? 0;
  completeHandshake(k, s, l, tally, 0);
}

/**
 * The connection joins the accept queue, unless the queue is full: then the kernel
 * drops the ACK (listen overflow, tcp_v4_syn_recv_sock) and the connection is finished
 * by a later retransmission (SYN-ACK after 1 s, 2 s... and the client's ACK).
 */
function completeHandshake(k: Kernel, s: TcpSocket, l: TcpSocket, tally: Tally, attempt: number): void {
  if (l.acceptQueue.length > l.backlog) {
    k.emit({ t: k.now, dur: 0, cat: 'note', name: 'listen overflow', detail: { message: `accept queue of ${l.describe()} is full (backlog ${l.backlog}): the handshake's ACK is dropped` } });
    if (attempt >= SYN_RETRIES) return done(k, s, tally);
    k.queue.at(k.now + SYN_RTO * 2 ** attempt, () => {
      if (s.state !== 'SYN_RECV' || s.parent !== l) return;
      if (l.state !== 'LISTEN') return done(k, s, { segments: 0, woken: 0 });
      completeHandshake(k, s, l, { segments: 0, woken: 0 }, attempt + 1);
    });
    return;
  }
  s.state = s.done ? 'CLOSE_WAIT' : 'ESTABLISHED';
  l.acceptQueue.push(s);
  tally.woken += l.wait.wake(POLLIN | POLLRDNORM, 1);
}

/** tcp_ack(): bytes acknowledged leave the send queue; the window may allow more; writers may wake. */
function ackReceived(k: Kernel, s: TcpSocket, seg: Segment, tally: Tally): void {
  const acked = Math.min(seg.ack ?? 0, s.inflight);
  s.inflight -= acked;
  if (seg.window !== undefined) s.sndWnd = Math.max(0, seg.window - s.inflight);
  push(k, s, tally);
  if (s.orphan && s.finSent && s.done && s.wmemQueued === 0) return done(k, s, tally);
  // tcp_check_space() → tcp_new_space() → sk_stream_write_space(): only if a writer found it full.
  if (s.nospace && s.writeable) {
    s.nospace = false;
    tally.woken += s.wait.wake(WRITABLE, 1);
  }
  if (acked > 0) s.traceBuffers(k, null);
}

/** tcp_write_xmit(): send what the window allows, in segments of at most one MSS; then a pending FIN. */
export function push(k: Kernel, s: TcpSocket, tally: Tally = { segments: 0, woken: 0 }): Tally {
  while (s.unsentBytes > 0 && s.sndWnd > 0 && s.remote) {
    const head = s.unsent[0]!;
    const n = Math.min(head.length, s.sndWnd, s.mss);
    const data = n === head.length ? head : head.subarray(0, n);
    if (n === head.length) s.unsent.shift();
    else s.unsent[0] = head.subarray(n);
    s.unsentBytes -= n;
    s.inflight += n;
    s.sndWnd -= n;
    tally.sent = (tally.sent ?? 0) + 1;
    s.send('DATA', tally, { data });
  }
  if (s.finPending && !s.finSent && s.unsentBytes === 0) {
    s.finSent = true;
    tally.sent = (tally.sent ?? 0) + 1;
    s.send('FIN', tally);
    // Both FINs have now gone (LAST_ACK, or FIN_WAIT after the peer's FIN): the ACK that ends it is taken as read.
    if (s.state === 'LAST_ACK' || s.done) done(k, s, tally);
  }
  return tally;
}

/** tcp_send_fin() after shutdown(SHUT_WR) or close(): the FIN follows the queued bytes. */
export function sendFin(k: Kernel, s: TcpSocket, tally: Tally): void {
  if (s.finPending) return;
  if (s.state === 'ESTABLISHED' || s.state === 'SYN_RECV') s.state = 'FIN_WAIT';
  else if (s.state === 'CLOSE_WAIT') s.state = 'LAST_ACK';
  else return;
  s.finPending = true;
  push(k, s, tally);
}

/**
 * tcp_cleanup_rbuf(): after a read, tell the peer about the space it freed if the
 * window it knows has shrunk to at most half and the new one is at least twice as big.
 */
export function cleanupRbuf(k: Kernel, s: TcpSocket): Tally {
  const tally: Tally = { segments: 0, woken: 0, sent: 0 };
  void k;
  if (s.shutdownBits & RCV_SHUTDOWN || !s.remote) return tally;
  const clamp = s.rcvbuf >> 1;
  const now = s.advertised;
  const next = s.rcvSpace;
  if (2 * now <= clamp && next > 0 && next >= 2 * now) {
    s.advertised = next;
    tally.sent = 1;
    s.send('ACK', tally, { ack: 0, window: next });
  }
  return tally;
}

/** tcp_reset(): the peer sent RST. */
export function reset(k: Kernel, s: TcpSocket, tally: Tally): void {
  if (s.state === 'CLOSE') return;
  s.err = s.state === 'SYN_SENT' ? ECONNREFUSED : s.state === 'CLOSE_WAIT' ? EPIPE : ECONNRESET;
  done(k, s, tally);
}

/** tcp_done(): the connection is over: purge the send queue, leave the tables, wake everyone. */
export function done(k: Kernel, s: TcpSocket, tally: Tally): void {
  const ns = netns(k);
  s.unsent.length = 0;
  s.unsentBytes = 0;
  s.inflight = 0;
  s.state = 'CLOSE';
  s.shutdownBits = SHUTDOWN_MASK;
  ns.unhash(s);
  if (s.orphan) ns.unbind(s);
  if (s.parent && s.parent.acceptQueue.indexOf(s) < 0) s.parent = null; // a half-open connection simply vanishes
  tally.woken += s.wait.wake(WAKE_ALL_MASK, Infinity); // sk_error_report() and sk_state_change()
}

/** tcp_v4_rcv() found no connection: a SYN for a listener (tcp_conn_request), else a RST back (tcp_v4_send_reset). */
export function demuxMiss(k: Kernel, seg: Segment, tally: Tally): void {
  const ns = netns(k);
  const rst = () => ns.transmit({ kind: 'RST', src: seg.dst, dst: seg.src }, tally);
  if (seg.kind === 'RST') return;
  if (seg.kind !== 'SYN') return rst();
  const l = ns.listenerFor(seg.dst, (ep) => (ep as TcpSocket).state === 'LISTEN') as TcpSocket | null;
  if (!l) return rst();
  // sk_acceptq_is_full(): the SYN is dropped, and the client will try again.
  if (l.acceptQueue.length > l.backlog) {
    k.emit({ t: k.now, dur: 0, cat: 'note', name: 'SYN dropped', detail: { message: `accept queue of ${l.describe()} is full (backlog ${l.backlog})` } });
    return;
  }
  const child = new TcpSocket(ns, k.allocInode());
  child.local = { ...seg.dst };
  child.remote = { ...seg.src };
  child.mss = isLoopback(seg.src.addr) ? LOOPBACK_MSS : ETHERNET_MSS;
  child.sndbuf = l.sndbuf;
  child.rcvbuf = l.rcvbuf;
  child.state = 'SYN_RECV';
  child.ss = 'CONNECTED';
  child.parent = l;
  child.sndWnd = seg.window ?? 0;
  ns.hash(child);
  child.advertised = child.rcvSpace;
  tally.sent = (tally.sent ?? 0) + 1;
  child.send('SYNACK', tally, { window: child.advertised });
}

/** Retransmit an unanswered SYN after 1 s, 2 s, 4 s...; give up with ETIMEDOUT (tcp_retransmit_timer). */
export function armSynTimer(k: Kernel, s: TcpSocket): void {
  const attempt = s.synRetries;
  k.queue.at(k.now + SYN_RTO * 2 ** attempt, () => {
    if (s.state !== 'SYN_SENT' || s.synRetries !== attempt) return;
    const tally: Tally = { segments: 0, woken: 0 };
    if (attempt >= SYN_RETRIES) {
      s.err = ETIMEDOUT;
      done(k, s, tally);
      return;
    }
    s.synRetries++;
    s.send('SYN', tally, { window: s.rcvSpace });
    armSynTimer(k, s);
  });
}
