// Socket system calls, as methods of the thread's handle.

import { ProcCalls } from '../kernel/calls-proc.js';
import { SysBase } from '../kernel/calls-base.js';
import { quoteBytes, socketDomain, socketType } from '../trace/format-args.js';
import { bitNames, msgFlags, protocolName, shutHow, sockaddr, sockopt } from '../trace/format-net.js';
import type { SockAddr } from './socket.js';
import { SOCK_CLOEXEC, SOCK_NONBLOCK } from '../kernel/flags.js';
import { errnoName } from '../kernel/errno.js';
import { SOL_SOCKET, SO_ERROR } from './socket-flags.js';
import {
  sysAccept4, sysBind, sysConnect, sysGetname, sysGetsockopt, sysListen, sysRecvfrom, sysSendto, sysSetsockopt, sysShutdown,
  sysSocket, type SockAddrOut,
} from './sys-socket.js';

export class SocketCalls extends ProcCalls {
  /**
   * socket(2): a new TCP socket, socket(AF_INET, SOCK_STREAM, 0). SOCK_NONBLOCK and
   * SOCK_CLOEXEC may be or-ed into type. Returns the descriptor.
   */
  socket(domain: number, type: number, protocol = 0): Promise<number> {
    return this.call('socket', [socketDomain(domain), socketType(type), protocolName(protocol)], sysSocket(this.k, this.t, domain, type, protocol));
  }

  /** bind(2): give the socket a local address, e.g. { addr: '0.0.0.0', port: 8080 } (port 0: any free port). */
  bind(fd: number, addr: SockAddr): Promise<number> {
    return this.call('bind', [String(fd), sockaddr(addr), '16'], sysBind(this.k, this.t, fd, addr));
  }

  /** listen(2): accept connections; at most backlog+1 finished ones wait for accept(). */
  listen(fd: number, backlog: number): Promise<number> {
    return this.call('listen', [String(fd), String(backlog)], sysListen(this.k, this.t, fd, backlog));
  }

  /**
   * accept(2): take the next connection (sleeping until one arrives, unless the socket is
   * non-blocking: EAGAIN). Returns its descriptor; the peer's address goes into addr.
   * The new descriptor is blocking even if the listening one is not.
   */
  accept(fd: number, addr?: SockAddrOut | null): Promise<number> {
    return this.call('accept', (ret) => [String(fd), ret >= 0 && addr ? sockaddr(addr) : 'NULL', ret >= 0 && addr ? '[16]' : 'NULL'], sysAccept4(this.k, this.t, fd, addr, 0));
  }

  /** accept4(2): accept() with SOCK_NONBLOCK and/or SOCK_CLOEXEC for the new descriptor. */
  accept4(fd: number, addr: SockAddrOut | null, flags: number): Promise<number> {
    return this.call(
      'accept4',
      (ret) => [String(fd), ret >= 0 && addr ? sockaddr(addr) : 'NULL', ret >= 0 && addr ? '[16]' : 'NULL', bitNames(flags, [[SOCK_NONBLOCK, 'SOCK_NONBLOCK'], [SOCK_CLOEXEC, 'SOCK_CLOEXEC']])],
      sysAccept4(this.k, this.t, fd, addr, flags),
    );
  }

  /**
   * connect(2): connect to addr (this machine's addresses: 127.0.0.1 or 192.0.2.1).
   * A non-blocking socket returns -1 EINPROGRESS; poll for POLLOUT, then read SO_ERROR.
   */
  connect(fd: number, addr: SockAddr): Promise<number> {
    return this.call('connect', [String(fd), sockaddr(addr), '16'], sysConnect(this.k, this.t, fd, addr));
  }

  /** recv(2): read() with flags: MSG_PEEK (look, leave the data), MSG_DONTWAIT (this call only non-blocking), MSG_WAITALL. */
  recv(fd: number, buf: Uint8Array, len: number = buf?.length ?? 0, flags = 0): Promise<number> {
    return this.call('recvfrom', (ret) => [String(fd), ret > 0 ? quoteBytes(buf, ret) : '""', String(len), msgFlags(flags), 'NULL', 'NULL'], sysRecvfrom(this.k, this.t, fd, buf, len, flags));
  }

  /** send(2): write() with flags: MSG_DONTWAIT, MSG_NOSIGNAL (EPIPE without SIGPIPE). */
  send(fd: number, data: Uint8Array | string, len?: number, flags = 0): Promise<number> {
    const bytes = SysBase.bytes(data);
    const n = len ?? bytes.length;
    return this.call('sendto', [String(fd), quoteBytes(bytes, n), String(n), msgFlags(flags), 'NULL', '0'], sysSendto(this.k, this.t, fd, bytes, n, flags));
  }

  /** shutdown(2): SHUT_WR sends end-of-file to the peer (it reads 0) while this side can still read; SHUT_RD, SHUT_RDWR. */
  shutdown(fd: number, how: number): Promise<number> {
    return this.call('shutdown', [String(fd), shutHow(how)], sysShutdown(this.k, this.t, fd, how));
  }

  /** getsockopt(2): the option's value goes to optval.value (SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_TYPE...). */
  getsockopt(fd: number, level: number, optname: number, optval: { value: number }): Promise<number> {
    // strace names a pending error: [ECONNREFUSED] rather than [111].
    const value = () => (level === SOL_SOCKET && optname === SO_ERROR && optval.value > 0 ? errnoName(optval.value) : String(optval.value));
    return this.call('getsockopt', (ret) => [String(fd), sockopt(level, optname), ret === 0 ? `[${value()}]` : '0x7ffc...', '[4]'], sysGetsockopt(this.k, this.t, fd, level, optname, optval));
  }

  /** setsockopt(2) with an int value: SO_SNDBUF, SO_RCVBUF (the kernel doubles them), SO_REUSEADDR, TCP_NODELAY... */
  setsockopt(fd: number, level: number, optname: number, value: number): Promise<number> {
    return this.call('setsockopt', [String(fd), sockopt(level, optname), `[${value}]`, '4'], sysSetsockopt(this.k, this.t, fd, level, optname, value));
  }

  /** getsockname(2): the socket's local address goes into addr. */
  getsockname(fd: number, addr: SockAddrOut): Promise<number> {
    return this.call('getsockname', (ret) => [String(fd), ret === 0 ? sockaddr(addr) : '0x7ffc...', '[16]'], sysGetname(this.k, this.t, fd, addr, false));
  }

  /** getpeername(2): the connected peer's address goes into addr (ENOTCONN if none). */
  getpeername(fd: number, addr: SockAddrOut): Promise<number> {
    return this.call('getpeername', (ret) => [String(fd), ret === 0 ? sockaddr(addr) : '0x7ffc...', '[16]'], sysGetname(this.k, this.t, fd, addr, true));
  }
}
