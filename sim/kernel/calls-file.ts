// System calls on descriptors, as methods of the thread's handle.

import { SysBase } from './calls-base.js';
import { sysClose, sysDup, sysDup2, sysFcntl, sysIoctl, sysPipe2, sysRead, sysSocketpair, sysWrite, FIONBIO, FIONREAD } from './sys-file.js';
import { fcntlArgs, intPair, openFlags, quoteBytes, socketDomain, socketType } from '../trace/format-args.js';

export class FileCalls extends SysBase {
  /**
   * read(2): copy up to `count` bytes from `fd` into `buf`. Returns the number of bytes
   * read, 0 at end of file, or -1 with errno set (EAGAIN when non-blocking and nothing is there).
   */
  read(fd: number, buf: Uint8Array, count: number = buf?.length ?? 0): Promise<number> {
    return this.call('read', (ret) => [String(fd), ret > 0 ? quoteBytes(buf, ret) : '""', String(count)], sysRead(this.k, this.t, fd, buf, count));
  }

  /** write(2): copy `count` bytes of `data` (a string is UTF-8 encoded) to `fd`. Returns bytes written or -1. */
  write(fd: number, data: Uint8Array | string, count?: number): Promise<number> {
    const bytes = SysBase.bytes(data);
    const n = count ?? bytes.length;
    return this.call('write', [String(fd), quoteBytes(bytes, n), String(n)], sysWrite(this.k, this.t, fd, bytes, n));
  }

  /** close(2): free the descriptor; the open file goes when its last descriptor does. */
  close(fd: number): Promise<number> {
    return this.call('close', [String(fd)], sysClose(this.k, this.t, fd));
  }

  /** dup(2): a new descriptor (the lowest free) for the same open file description. */
  dup(fd: number): Promise<number> {
    return this.call('dup', [String(fd)], sysDup(this.k, this.t, fd));
  }

  /** dup2(2): make `newfd` refer to the same open file as `oldfd`, closing what `newfd` was. */
  dup2(oldfd: number, newfd: number): Promise<number> {
    return this.call('dup2', [String(oldfd), String(newfd)], sysDup2(this.k, this.t, oldfd, newfd));
  }

  /** fcntl(2): F_GETFL/F_SETFL (O_NONBLOCK...), F_GETFD/F_SETFD, F_DUPFD, F_GETPIPE_SZ/F_SETPIPE_SZ. */
  fcntl(fd: number, cmd: number, arg = 0): Promise<number> {
    return this.call('fcntl', fcntlArgs(fd, cmd, arg), sysFcntl(this.k, this.t, fd, cmd, arg));
  }

  /** ioctl(2): FIONBIO ({ value: 1 } sets O_NONBLOCK) and FIONREAD (bytes waiting, into arg.value). */
  ioctl(fd: number, request: number, arg: { value: number }): Promise<number> {
    const name = request === FIONBIO ? 'FIONBIO' : request === FIONREAD ? 'FIONREAD' : '0x' + request.toString(16);
    return this.call('ioctl', (ret) => [String(fd), name, ret === 0 ? `[${arg.value}]` : '0x7ffc...'], sysIoctl(this.k, this.t, fd, request, arg));
  }

  /** pipe(2): fds[0] becomes the read end, fds[1] the write end. */
  pipe(fds: number[]): Promise<number> {
    return this.call('pipe2', (ret) => [intPair(fds, ret === 0), '0'], sysPipe2(this.k, this.t, fds, 0));
  }

  /** pipe2(2): pipe() with O_NONBLOCK and/or O_CLOEXEC. */
  pipe2(fds: number[], flags: number): Promise<number> {
    return this.call('pipe2', (ret) => [intPair(fds, ret === 0), openFlags(flags, false)], sysPipe2(this.k, this.t, fds, flags));
  }

  /** socketpair(2): two connected sockets in sv[0] and sv[1] (AF_UNIX, SOCK_STREAM). */
  socketpair(domain: number, type: number, protocol: number, sv: number[]): Promise<number> {
    return this.call(
      'socketpair',
      (ret) => [socketDomain(domain), socketType(type), String(protocol), intPair(sv, ret === 0)],
      sysSocketpair(this.k, this.t, domain, type, protocol, sv),
    );
  }
}
