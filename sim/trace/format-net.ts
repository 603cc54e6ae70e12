// Formatting socket and multiplexing arguments the way strace(1) prints them.

import { pollMaskName } from '../kernel/poll.js';
import {
  IPPROTO_TCP, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_PEEK, MSG_WAITALL, SOL_SOCKET, SO_ACCEPTCONN, SO_ERROR, SO_KEEPALIVE,
  SO_RCVBUF, SO_RCVLOWAT, SO_REUSEADDR, SO_REUSEPORT, SO_SNDBUF, SO_TYPE, TCP_NODELAY,
} from '../fs/socket-flags.js';
import type { SockAddr } from '../fs/socket.js';

/** {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")} */
export function sockaddr(a: Partial<SockAddr> | null | undefined): string {
  if (!a || typeof a !== 'object') return 'NULL';
  return `{sa_family=AF_INET, sin_port=htons(${a.port ?? 0}), sin_addr=inet_addr("${a.addr ?? '0.0.0.0'}")}`;
}

const msgFlagNames: [number, string][] = [[1, 'MSG_OOB'], [MSG_PEEK, 'MSG_PEEK'], [MSG_DONTWAIT, 'MSG_DONTWAIT'], [MSG_WAITALL, 'MSG_WAITALL'], [MSG_NOSIGNAL, 'MSG_NOSIGNAL']];

export function msgFlags(flags: number): string {
  return bitNames(flags, msgFlagNames);
}

export function bitNames(flags: number, names: [number, string][]): string {
  if (!flags) return '0';
  const parts: string[] = [];
  let rest = flags;
  for (const [bit, name] of names) {
    if (flags & bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest) parts.push('0x' + rest.toString(16));
  return parts.join('|');
}

export function shutHow(how: number): string {
  return ['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'][how] ?? String(how);
}

export function protocolName(p: number): string {
  return p === 0 ? 'IPPROTO_IP' : p === IPPROTO_TCP ? 'IPPROTO_TCP' : String(p);
}

const solNames: Record<number, string> = {
  [SO_REUSEADDR]: 'SO_REUSEADDR', [SO_TYPE]: 'SO_TYPE', [SO_ERROR]: 'SO_ERROR', [SO_SNDBUF]: 'SO_SNDBUF', [SO_RCVBUF]: 'SO_RCVBUF',
  [SO_KEEPALIVE]: 'SO_KEEPALIVE', [13]: 'SO_LINGER', [SO_REUSEPORT]: 'SO_REUSEPORT', [SO_RCVLOWAT]: 'SO_RCVLOWAT', [SO_ACCEPTCONN]: 'SO_ACCEPTCONN',
};

/** "SOL_SOCKET, SO_ERROR" */
export function sockopt(level: number, name: number): string {
  if (level === SOL_SOCKET) return `SOL_SOCKET, ${solNames[name] ?? name}`;
  if (level === IPPROTO_TCP) return `SOL_TCP, ${name === TCP_NODELAY ? 'TCP_NODELAY' : name}`;
  return `${level}, ${name}`;
}

/** An fd_set as strace shows it: "[4 5]". */
export function fdList(fds: number[]): string {
  return `[${fds.join(' ')}]`;
}

/** struct timeval: "{tv_sec=1, tv_usec=500000}". */
export function timeval(tv: { tv_sec: number; tv_usec: number } | null | undefined): string {
  return tv ? `{tv_sec=${tv.tv_sec}, tv_usec=${tv.tv_usec}}` : 'NULL';
}

/** "[{fd=4, events=POLLIN}, {fd=5, events=POLLIN|POLLOUT}]", and after the call the revents. */
export function pollfds(fds: { fd: number; events: number; revents?: number }[], n: number, after: boolean): string {
  const items = fds.slice(0, n).map((p) => {
    if (after) return p.revents ? `{fd=${p.fd}, revents=${pollMaskName(p.revents)}}` : null;
    return `{fd=${p.fd}, events=${pollMaskName(p.events)}}`;
  });
  return `[${items.filter((x) => x !== null).join(', ')}]`;
}

/** One struct epoll_event: "{events=EPOLLIN|EPOLLET, data={u32=4, u64=4}}". */
export function epollEvent(e: { events: number; data: number } | null | undefined): string {
  if (!e) return 'NULL';
  const data = Number(e.data) >>> 0 === e.data ? `{u32=${e.data}, u64=${e.data}}` : `{u64=${e.data}}`;
  return `{events=${epollMaskName(e.events)}, data=${data}}`;
}

const EPOLLEXCLUSIVE = 1 << 28;
const EPOLLWAKEUP = 1 << 29;
const EPOLLONESHOT = 1 << 30;
const EPOLLET = 1 << 31;

/** EPOLLIN|EPOLLET: the poll bits named the epoll way, then the epoll-only flags. */
export function epollMaskName(mask: number): string {
  const flags: [number, string][] = [[EPOLLEXCLUSIVE, 'EPOLLEXCLUSIVE'], [EPOLLWAKEUP, 'EPOLLWAKEUP'], [EPOLLONESHOT, 'EPOLLONESHOT'], [EPOLLET, 'EPOLLET']];
  let rest = mask >>> 0;
  const extra: string[] = [];
  for (const [bit, name] of flags) {
    if (rest & bit) {
      extra.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  const base = rest ? pollMaskName(rest, 'EPOLL') : '';
  return [base, ...extra].filter(Boolean).join('|') || '0';
}
