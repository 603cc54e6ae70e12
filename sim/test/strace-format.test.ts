import { describe, it, expect } from 'vitest';
import { F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_NONBLOCK, formatStrace } from 'inside-io';
import { sim } from './helpers.js';

describe('strace-style lines', () => {
  it('decode fcntl flags as strace does: F_GETFL returns "0x802 (flags O_RDWR|O_NONBLOCK)"', async () => {
    const r = await sim(async (sys) => {
      const sv = [0, 0];
      await sys.socketpair(1, 1, 0, sv);
      const fl = await sys.fcntl(sv[0]!, F_GETFL);
      await sys.fcntl(sv[0]!, F_SETFL, fl | O_NONBLOCK);
      await sys.fcntl(sv[0]!, F_GETFL);
      await sys.fcntl(sv[0]!, F_SETFD, FD_CLOEXEC);
      await sys.fcntl(sv[0]!, F_GETFD);
      await sys.fcntl(99, F_GETFL);
    });
    const lines = formatStrace(r.events).split('\n').filter((l) => l.includes('fcntl('));
    expect(lines.map((l) => l.replace(/^.*?fcntl/, 'fcntl').replace(/ <.*$/, ''))).toEqual([
      'fcntl(3, F_GETFL) = 0x2 (flags O_RDWR)',
      'fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0',
      'fcntl(3, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)',
      'fcntl(3, F_SETFD, FD_CLOEXEC) = 0',
      'fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)',
      'fcntl(99, F_GETFL) = -1 EBADF (Bad file descriptor)',
    ]);
  });
});

describe('strace-style getsockopt', () => {
  it('names a pending SO_ERROR as strace does: [ECONNREFUSED], and [0] when there is none', async () => {
    const { AF_INET, SOCK_STREAM, SOCK_NONBLOCK, SOL_SOCKET, SO_ERROR, POLLOUT } = await import('inside-io');
    const r = await sim(async (sys) => {
      const s = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      const v = { value: -1 };
      await sys.getsockopt(s, SOL_SOCKET, SO_ERROR, v);
      await sys.connect(s, { addr: '127.0.0.1', port: 9 });
      await sys.poll([{ fd: s, events: POLLOUT, revents: 0 }], 1, 100);
      await sys.getsockopt(s, SOL_SOCKET, SO_ERROR, v);
    });
    const lines = formatStrace(r.events).split('\n').filter((l) => l.includes('getsockopt('));
    expect(lines[0]).toContain('getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0');
    expect(lines[1]).toContain('getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0');
  });
});
