// Setting TCP connections up and tearing them down: bind, listen, accept, connect,
// close (net/ipv4/af_inet.c, inet_connection_sock.c, tcp_ipv4.c, tcp.c).

import type { FileObject } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import {
  EADDRINUSE, EADDRNOTAVAIL, EAFNOSUPPORT, EAGAIN, EALREADY, ECONNABORTED, EINPROGRESS, EINVAL, EISCONN,
} from '../kernel/errno.js';
import { AF_INET } from '../kernel/flags.js';
import { SHUTDOWN_MASK } from './socket-flags.js';
import { parseIPv4, type SockAddr } from './socket.js';
import { HOST_ADDR, isLocal, isLoopback, LOOPBACK_MSS, netns } from './inet.js';
import type { TcpSocket } from './tcp.js';
import { armSynTimer, done, push, sendFin, type Tally } from './tcp-input.js';

/** net.core.somaxconn default (Linux 5.4+): the largest listen() backlog. */
export const SOMAXCONN = 4096;

/** Check a sockaddr_in from user code: -EAFNOSUPPORT / -EINVAL, or 0. */
export function checkAddr(addr: SockAddr): number {
  if (typeof addr !== 'object' || addr === null) return -EINVAL;
  if (addr.family !== undefined && addr.family !== AF_INET) return -EAFNOSUPPORT;
  if (!parseIPv4(addr.addr) || !Number.isInteger(addr.port) || addr.port < 0 || addr.port > 65535) return -EINVAL;
  return 0;
}

/** inet_bind(). */
export function* bind(k: Kernel, _t: Thread, s: TcpSocket, addr: SockAddr): KGen<number> {
  yield* work(k.costs.fileOp);
  const bad = checkAddr(addr);
  if (bad) return bad;
  if (!isLocal(addr.addr)) return -EADDRNOTAVAIL;
  if (s.state !== 'CLOSE' || s.bound) return -EINVAL;
  const ns = netns(k);
  const port = addr.port || ns.ephemeralPort();
  if (port < 0 || ns.portInUse(port, addr.addr)) return -EADDRINUSE;
  s.local = { addr: addr.addr, port };
  s.bound = true;
  s.userBound = true;
  ns.bind(s, port);
  return 0;
}

/** Bind to an ephemeral port if the program did not bind (inet_autobind). */
function autobind(k: Kernel, s: TcpSocket, addr: string): boolean {
  if (s.bound) return true;
  const ns = netns(k);
  const port = ns.ephemeralPort();
  if (port < 0) return false;
  s.local = { addr, port };
  s.bound = true;
  ns.bind(s, port);
  return true;
}

/** inet_listen(): a backlog above somaxconn (or negative) becomes somaxconn. */
export function* listen(k: Kernel, _t: Thread, s: TcpSocket, backlog: number): KGen<number> {
  yield* work(k.costs.fileOp);
  if (!Number.isInteger(backlog)) return -EINVAL;
  if (s.ss !== 'UNCONNECTED' || (s.state !== 'CLOSE' && s.state !== 'LISTEN')) return -EINVAL;
  if (!autobind(k, s, '0.0.0.0')) return -EADDRINUSE;
  s.backlog = backlog < 0 || backlog > SOMAXCONN ? SOMAXCONN : backlog;
  s.state = 'LISTEN';
  return 0;
}

/** inet_csk_accept(): take the oldest finished connection, or wait (exclusively: one waiter per connection). */
export function* accept(k: Kernel, t: Thread, l: TcpSocket, nonblock: boolean): KGen<FileObject | number> {
  yield* work(k.costs.tcpAccept);
  if (l.state !== 'LISTEN') return -EINVAL;
  while (l.acceptQueue.length === 0) {
    if (nonblock) return -EAGAIN;
    yield* k.sleepOn(t, l.wait, 'inet_csk_wait_for_connect', undefined, true);
    if (l.state !== 'LISTEN') return -EINVAL;
  }
  const child = l.acceptQueue.shift()!;
  child.parent = null;
  return child;
}

/**
 * __inet_stream_connect(). On loopback the whole handshake runs in the NET_RX softirq
 * before connect() returns, but a non-blocking connect still says EINPROGRESS: the
 * SYN-ACK waits in the socket's backlog until the call releases the socket lock.
 */
export function* connect(k: Kernel, t: Thread, s: TcpSocket, addr: SockAddr, nonblock: boolean): KGen<number> {
  yield* work(k.costs.fileOp);
  const bad = checkAddr(addr);
  if (bad) return bad;
  let err = 0;
  switch (s.ss) {
    case 'CONNECTED':
      return -EISCONN;
    case 'CONNECTING':
      err = -EALREADY;
      break;
    case 'UNCONNECTED': {
      if (s.state !== 'CLOSE') return -EISCONN;
      const dst = { addr: addr.addr === '0.0.0.0' ? '127.0.0.1' : addr.addr, port: addr.port };
      if (!isLocal(dst.addr)) {
        return k.notModelled(t, `connect() to ${dst.addr}: only this machine's addresses (127.0.0.1, ${HOST_ADDR}) can be connected to; remote peers connect to your programs`);
      }
      yield* work(k.costs.tcpConnect);
      const src = isLoopback(dst.addr) ? '127.0.0.1' : HOST_ADDR;
      if (!autobind(k, s, src)) return -EADDRNOTAVAIL;
      if (s.local!.addr === '0.0.0.0') s.local = { addr: src, port: s.local!.port };
      const ns = netns(k);
      s.remote = dst;
      s.state = 'SYN_SENT';
      s.ss = 'CONNECTING';
      s.mss = LOOPBACK_MSS;
      s.synRetries = 0;
      s.err = 0;
      s.shutdownBits = 0;
      s.done = false;
      ns.hash(s);
      const tally: Tally = { segments: 0, woken: 0, sent: 1 };
      s.advertised = s.rcvSpace;
      s.send('SYN', tally, { window: s.advertised });
      if (s.state === 'SYN_SENT') armSynTimer(k, s);
      yield* s.charge(k, tally);
      if (nonblock) return -EINPROGRESS;
      err = -EINPROGRESS;
    }
  }
  if (s.state === 'SYN_SENT' || s.state === 'SYN_RECV') {
    if (nonblock) return err;
    while (s.state === 'SYN_SENT') yield* k.sleepOn(t, s.wait, 'inet_wait_for_connect');
  }
  if (s.state === 'CLOSE') {
    // Refused (RST), timed out, or reset: report the error once; the socket may connect again.
    err = s.err ? -s.takeError() : -ECONNABORTED;
    s.ss = 'UNCONNECTED';
    disconnect(k, s);
    return err;
  }
  s.ss = 'CONNECTED';
  return 0;
}

/** tcp_disconnect(): back to an unconnected socket; an automatically chosen port is given back. */
export function disconnect(k: Kernel, s: TcpSocket): void {
  const ns = netns(k);
  ns.unhash(s);
  s.state = 'CLOSE';
  s.ss = 'UNCONNECTED';
  s.remote = null;
  if (!s.userBound && s.bound) {
    ns.unbind(s);
    s.bound = false;
    s.local = null;
  }
}

/** inet_csk_listen_stop(): connections nobody accepted are reset. */
export function listenStop(k: Kernel, l: TcpSocket, tally: Tally): void {
  for (const child of l.acceptQueue.splice(0)) {
    child.send('RST', tally);
    child.orphan = true;
    done(k, child, tally);
  }
  l.state = 'CLOSE';
}

/** tcp_close(): unread data means RST; otherwise the FIN follows whatever is still queued. */
export function close(k: Kernel, s: TcpSocket): void {
  const ns = netns(k);
  const tally: Tally = { segments: 0, woken: 0 };
  s.orphan = true;
  const unread = s.rcvQueued > 0;
  s.shutdownBits = SHUTDOWN_MASK;
  switch (s.state) {
    case 'LISTEN':
      listenStop(k, s, tally);
      ns.unbind(s);
      return;
    case 'CLOSE':
      if (s.bound) ns.unbind(s);
      return;
    case 'SYN_SENT':
      done(k, s, tally);
      return;
    default:
      if (unread) {
        // "As specified in RFC 2525, section 2.17, we send a RST here because data was lost."
        s.rcvQueue.length = 0;
        s.rcvQueued = 0;
        s.send('RST', tally);
        done(k, s, tally);
        return;
      }
      sendFin(k, s, tally);
      push(k, s, tally);
  }
}
