// The socket layer (net/socket.c, struct socket and struct proto_ops): what every
// kind of socket offers beyond read and write. A socket is a FileObject with a
// `sock` field holding these operations; the system calls in sys-socket.ts find
// it there and fail with ENOTSOCK when a descriptor is not a socket.

import type { FileObject, OpenFile } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { EINVAL, ENOPROTOOPT, EOPNOTSUPP } from '../kernel/errno.js';
import { SO_RCVBUF, SO_SNDBUF } from './socket-flags.js';

/** An IPv4 socket address: struct sockaddr_in with the address as a dotted string. */
export interface SockAddr {
  /** AF_INET (the only family with addresses in the simulator). */
  family?: number;
  addr: string;
  port: number;
}

/** struct proto_ops: a kind of socket's operations. Missing ones fail as Linux's sock_no_*() do. */
export interface SocketOps {
  /** SOCK_STREAM... (SO_TYPE). */
  readonly type: number;
  recvmsg(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number, flags: number): KGen<number>;
  sendmsg(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number, flags: number): KGen<number>;
  shutdown(k: Kernel, t: Thread, how: number): KGen<number>;
  /** Returns the option's value, or -errno. */
  getsockopt(k: Kernel, t: Thread, level: number, name: number): number;
  setsockopt(k: Kernel, t: Thread, level: number, name: number, value: number): number;
  bind?(k: Kernel, t: Thread, addr: SockAddr): KGen<number>;
  listen?(k: Kernel, t: Thread, backlog: number): KGen<number>;
  /** Returns the new connection's socket object, or -errno. */
  accept?(k: Kernel, t: Thread, f: OpenFile): KGen<FileObject | number>;
  connect?(k: Kernel, t: Thread, f: OpenFile, addr: SockAddr): KGen<number>;
  /** getsockname (peer false) / getpeername (peer true); null when there is none (ENOTCONN). */
  name?(peer: boolean): SockAddr | null;
}

export interface SocketFile extends FileObject {
  readonly sock: SocketOps;
}

export function socketOf(obj: FileObject): SocketOps | null {
  const s = (obj as Partial<SocketFile>).sock;
  return s ?? null;
}

/** net.core.wmem_max / rmem_max defaults: the most setsockopt() may ask for (socket(7)). */
export const WMEM_MAX = 212_992;
export const RMEM_MAX = 212_992;
/** SOCK_MIN_SNDBUF and SOCK_MIN_RCVBUF (include/net/sock.h): 2 × and 1 × (2048 + an sk_buff). */
export const SOCK_MIN_SNDBUF = 4608;
export const SOCK_MIN_RCVBUF = 2304;

/** The buffer sizes every socket has: sk_sndbuf and sk_rcvbuf. */
export interface SocketBuffers {
  sndbuf: number;
  rcvbuf: number;
}

/**
 * sk_setsockopt() for SO_SNDBUF / SO_RCVBUF: the value is capped at wmem_max/rmem_max
 * and doubled "to allow space for bookkeeping overhead" (socket(7)); getsockopt shows the
 * doubled value. Returns 0, or -errno for other options.
 */
export function setBufferOption(s: SocketBuffers, name: number, value: number): number {
  if (!Number.isInteger(value)) return -EINVAL;
  if (name === SO_SNDBUF) {
    s.sndbuf = Math.max(Math.min(value, WMEM_MAX) * 2, SOCK_MIN_SNDBUF);
    return 0;
  }
  if (name === SO_RCVBUF) {
    s.rcvbuf = Math.max(Math.min(value, RMEM_MAX) * 2, SOCK_MIN_RCVBUF);
    return 0;
  }
  return -ENOPROTOOPT;
}

/** What the stub operations of sockets that lack one return (sock_no_listen and friends). */
export function* notSupported(): KGen<number> {
  return -EOPNOTSUPP;
}

/** A printable "127.0.0.1:8080". */
export function addrText(a: SockAddr | null): string {
  return a ? `${a.addr}:${a.port}` : '?';
}

/** Parse and check a dotted IPv4 address; null if it is not one. */
export function parseIPv4(s: string): number[] | null {
  if (typeof s !== 'string') return null;
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return out.every((n) => n >= 0 && n <= 255) ? out : null;
}

/** A socket's buffer levels, for inspectors (trace category 'io', name 'sk buffer'). */
export function traceBuffers(k: Kernel, t: Thread | null, sock: string, rcv: number, rcvbuf: number, snd: number, sndbuf: number): void {
  k.emit({ t: k.now, dur: 0, cat: 'io', name: 'sk buffer', pid: t?.process.pid, tid: t?.tid, detail: { sock, rcv, rcvbuf, snd, sndbuf } });
}
