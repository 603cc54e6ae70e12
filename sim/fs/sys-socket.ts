// The socket system calls (net/socket.c): socket, bind, listen, accept4, connect,
// recvfrom, sendto, shutdown, getsockopt, setsockopt, getsockname, getpeername.
// Each finds the socket behind the descriptor (sockfd_lookup: EBADF, ENOTSOCK) and
// calls its proto_ops.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile, type FileObject } from '../kernel/file.js';
import {
  EAFNOSUPPORT, EBADF, EFAULT, EINVAL, ENOTCONN, ENOTSOCK, EOPNOTSUPP, EPROTONOSUPPORT,
} from '../kernel/errno.js';
import { AF_INET, AF_UNIX, O_NONBLOCK, O_RDWR, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM } from '../kernel/flags.js';
import { MSG_DONTWAIT, MSG_OOB, SOL_SOCKET, SO_LINGER, SO_RCVLOWAT } from './socket-flags.js';
import { socketOf, type SockAddr, type SocketOps } from './socket.js';
import { newTcpSocket } from './tcp.js';
import { IPPROTO_TCP } from './socket-flags.js';

/** A socket address the kernel fills in (accept, getsockname): pass an object, read its fields after the call. */
export type SockAddrOut = Partial<SockAddr>;

interface SockRef {
  file: OpenFile;
  sock: SocketOps;
}

/** sockfd_lookup_light(): the descriptor's socket, holding a reference to its file for the call. */
function sockfdLookup(t: Thread, fd: number): SockRef | number {
  const e = t.process.fds.get(fd);
  if (!e) return -EBADF;
  const sock = socketOf(e.file.obj);
  if (!sock) return -ENOTSOCK;
  return { file: e.file.get(), sock };
}

function* withSock(k: Kernel, t: Thread, fd: number, body: (r: SockRef) => KGen<number>): KGen<number> {
  const r = sockfdLookup(t, fd);
  if (typeof r === 'number') return r;
  try {
    return yield* body(r);
  } finally {
    r.file.put(k);
  }
}

/** __sys_socket(): only TCP (AF_INET, SOCK_STREAM) sockets are made this way; AF_UNIX pairs come from socketpair(). */
export function* sysSocket(k: Kernel, t: Thread, domain: number, type: number, protocol: number): KGen<number> {
  yield* work(k.costs.socketCreate);
  if (type & ~(SOCK_STREAM | 0xf | SOCK_NONBLOCK | SOCK_CLOEXEC)) return -EINVAL;
  const base = type & 0xf;
  if (domain === AF_UNIX) return k.notModelled(t, 'socket(AF_UNIX, ...): unconnected UNIX-domain sockets; use socketpair()');
  if (domain !== AF_INET) return -EAFNOSUPPORT;
  if (base !== SOCK_STREAM) return k.notModelled(t, `socket(AF_INET, type ${base}): only SOCK_STREAM (TCP) is modelled`);
  if (protocol !== 0 && protocol !== IPPROTO_TCP) return -EPROTONOSUPPORT;
  const file = new OpenFile(newTcpSocket(k), O_RDWR | (type & SOCK_NONBLOCK ? O_NONBLOCK : 0));
  const fd = t.process.fds.install(file, (type & SOCK_CLOEXEC) !== 0);
  if (fd < 0) file.put(k);
  return fd;
}

export function* sysBind(k: Kernel, t: Thread, fd: number, addr: SockAddr): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    if (!sock.bind) return -EOPNOTSUPP;
    return yield* sock.bind(k, t, addr);
  });
}

export function* sysListen(k: Kernel, t: Thread, fd: number, backlog: number): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    if (!sock.listen) return -EOPNOTSUPP;
    return yield* sock.listen(k, t, backlog);
  });
}

/**
 * __sys_accept4(): the descriptor is reserved first (so EMFILE leaves the connection
 * queued), then the connection is taken. The new file does not inherit O_NONBLOCK from
 * the listening one: only SOCK_NONBLOCK in flags sets it.
 */
export function* sysAccept4(k: Kernel, t: Thread, fd: number, addr: SockAddrOut | null | undefined, flags: number): KGen<number> {
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) return -EINVAL;
  return yield* withSock(k, t, fd, function* ({ file, sock }) {
    if (!sock.accept) return -EOPNOTSUPP;
    const fds = t.process.fds;
    const reserved = new OpenFile(reservedSlot, O_RDWR);
    const nfd = fds.install(reserved); // get_unused_fd_flags()
    if (nfd < 0) return nfd;
    const r = yield* sock.accept(k, t, file);
    if (typeof r === 'number') {
      if (fds.get(nfd)?.file === reserved) fds.remove(nfd);
      return r;
    }
    const nf = new OpenFile(r, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));
    fds.installAt(k, nfd, nf, (flags & SOCK_CLOEXEC) !== 0); // fd_install()
    const peer = socketOf(r)?.name?.(true);
    if (addr && typeof addr === 'object' && peer) Object.assign(addr, { family: AF_INET, ...peer });
    return nfd;
  });
}

/** A descriptor number taken by accept() while it waits for a connection. */
const reservedSlot: FileObject = { kind: 'reserved', describe: () => 'reserved' };

export function* sysConnect(k: Kernel, t: Thread, fd: number, addr: SockAddr): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ file, sock }) {
    if (!sock.connect) return -EOPNOTSUPP;
    return yield* sock.connect(k, t, file, addr);
  });
}

function badCount(count: number, size: number): number {
  if (!Number.isInteger(count) || count < 0) return -EINVAL;
  if (count > size) return -EFAULT;
  return 0;
}

/** __sys_recvfrom(): recvmsg with MSG_DONTWAIT added when the file is O_NONBLOCK. */
export function* sysRecvfrom(k: Kernel, t: Thread, fd: number, buf: Uint8Array, len: number, flags: number): KGen<number> {
  if (!(buf instanceof Uint8Array)) return -EFAULT;
  const bad = badCount(len, buf.length);
  if (bad) return bad;
  return yield* withSock(k, t, fd, function* ({ file, sock }) {
    if (flags & MSG_OOB) return k.notModelled(t, 'MSG_OOB: urgent data');
    const f = file.flags & O_NONBLOCK ? flags | MSG_DONTWAIT : flags;
    return yield* sock.recvmsg(k, t, file, buf, len, f);
  });
}

/** __sys_sendto() without an address (connected sockets). */
export function* sysSendto(k: Kernel, t: Thread, fd: number, data: Uint8Array, len: number, flags: number): KGen<number> {
  const bad = badCount(len, data.length);
  if (bad) return bad;
  return yield* withSock(k, t, fd, function* ({ file, sock }) {
    if (flags & MSG_OOB) return k.notModelled(t, 'MSG_OOB: urgent data');
    const f = file.flags & O_NONBLOCK ? flags | MSG_DONTWAIT : flags;
    return yield* sock.sendmsg(k, t, file, data, len, f);
  });
}

export function* sysShutdown(k: Kernel, t: Thread, fd: number, how: number): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    return yield* sock.shutdown(k, t, how);
  });
}

/** getsockopt(): the value goes to optval.value. */
export function* sysGetsockopt(k: Kernel, t: Thread, fd: number, level: number, name: number, optval: { value: number }): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    yield* work(k.costs.fileOp);
    if (typeof optval !== 'object' || optval === null) return -EFAULT;
    if (level === SOL_SOCKET && UNMODELLED[name]) return k.notModelled(t, `socket option ${UNMODELLED[name]}`);
    const v = sock.getsockopt(k, t, level, name);
    if (v < 0) return v;
    optval.value = v;
    return 0;
  });
}

/** Options Linux has that the simulator does not model: they fail loudly rather than pretend. */
const UNMODELLED: Record<number, string> = { [SO_RCVLOWAT]: 'SO_RCVLOWAT', [SO_LINGER]: 'SO_LINGER' };

export function* sysSetsockopt(k: Kernel, t: Thread, fd: number, level: number, name: number, value: number): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    yield* work(k.costs.fileOp);
    if (level === SOL_SOCKET && UNMODELLED[name]) return k.notModelled(t, `socket option ${UNMODELLED[name]}`);
    return sock.setsockopt(k, t, level, name, value);
  });
}

/** getsockname() (peer false) and getpeername() (peer true). */
export function* sysGetname(k: Kernel, t: Thread, fd: number, addr: SockAddrOut, peer: boolean): KGen<number> {
  return yield* withSock(k, t, fd, function* ({ sock }) {
    yield* work(k.costs.fileOp);
    if (typeof addr !== 'object' || addr === null) return -EFAULT;
    const a = sock.name?.(peer) ?? null;
    if (!a) return peer ? -ENOTCONN : -EOPNOTSUPP;
    Object.assign(addr, { family: AF_INET, addr: a.addr, port: a.port });
    return 0;
  });
}
