import { describe, it, expect } from 'vitest';
import { EMFILE, F_GETFL, F_SETFL, F_GETFD, F_SETFD, FD_CLOEXEC, F_DUPFD, O_NONBLOCK, RLIMIT_NOFILE, text, EINVAL, EPERM } from 'inside-io';
import { sim, outcomes } from './helpers.js';

describe('descriptors and open file descriptions (fs/file.c)', () => {
  it('dup returns the lowest free descriptor; both share one open file description', async () => {
    await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds); // 3, 4
      expect(await sys.dup(fds[0]!)).toBe(5);
      await sys.close(3);
      expect(await sys.dup(4)).toBe(3); // lowest free
      // O_NONBLOCK is a status flag of the open file description: set via 5, seen via... 5's twin is gone, 3 dup'ed 4
      await sys.fcntl(4, F_SETFL, O_NONBLOCK);
      expect((await sys.fcntl(3, F_GETFL)) & O_NONBLOCK).toBe(O_NONBLOCK);
      // FD_CLOEXEC belongs to the descriptor, not the description.
      await sys.fcntl(3, F_SETFD, FD_CLOEXEC);
      expect(await sys.fcntl(3, F_GETFD)).toBe(FD_CLOEXEC);
      expect(await sys.fcntl(4, F_GETFD)).toBe(0);
      expect(await sys.fcntl(4, F_DUPFD, 10)).toBe(10);
    });
  });

  it('closing one of two descriptors keeps the pipe open: no EOF until the last write end goes', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe2(fds, O_NONBLOCK);
      const w2 = await sys.dup(fds[1]!);
      await sys.close(fds[1]!);
      const buf = new Uint8Array(4);
      await sys.read(fds[0]!, buf); // a writer remains: EAGAIN, not EOF
      await sys.write(w2, 'ok');
      await sys.close(w2);
      await sys.read(fds[0]!, buf);
      await sys.read(fds[0]!, buf); // now EOF
    });
    expect(outcomes(r, ['read'])).toEqual(['read=-1 EAGAIN', 'read=2', 'read=0']);
  });

  it('dup2 closes the target silently and dup2(fd, fd) returns fd', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      expect(await sys.dup2(fds[1]!, 1)).toBe(1); // stdout now writes into the pipe
      await sys.write(1, 'into the pipe');
      const buf = new Uint8Array(32);
      const n = await sys.read(fds[0]!, buf);
      expect(text(buf, n)).toBe('into the pipe');
      expect(await sys.dup2(fds[0]!, fds[0]!)).toBe(fds[0]);
      expect(await sys.dup2(77, 5)).toBe(-1);
    });
    expect(r.output).toEqual([]); // nothing reached the terminal
  });

  it('fork copies the descriptor table: the child holds references to the same pipe', async () => {
    let childRead = '';
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      const pid = await sys.fork(async (child) => {
        await child.close(fds[1]!); // else the child's own copy keeps the pipe from reaching EOF
        const buf = new Uint8Array(64);
        let n: number;
        while ((n = await child.read(fds[0]!, buf)) > 0) childRead += text(buf, n);
      });
      await sys.close(fds[0]!);
      await sys.write(fds[1]!, 'from parent');
      await sys.close(fds[1]!);
      expect(await sys.waitpid(pid)).toBe(pid);
    });
    expect(childRead).toBe('from parent');
    expect(r.stop.reason).toBe('exit');
  });

  it('a child that forgets to close its copy of the write end never sees EOF', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.fork(async (child) => {
        const buf = new Uint8Array(64);
        while ((await child.read(fds[0]!, buf)) > 0);
      });
      await sys.close(fds[1]!);
      await sys.waitpid(-1);
    });
    expect(r.stop.reason).toBe('blocked');
    expect(r.stop.message).toMatch(/pipe_read/);
  });

  it('RLIMIT_NOFILE: descriptors stop at the soft limit with EMFILE', async () => {
    let errno = 0;
    await sim(async (sys) => {
      const lim = { rlim_cur: 0, rlim_max: 0 };
      await sys.getrlimit(RLIMIT_NOFILE, lim);
      expect(lim.rlim_cur).toBe(1024);
      await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 8, rlim_max: lim.rlim_max });
      const fds = [0, 0];
      expect(await sys.pipe(fds)).toBe(0); // 3, 4
      expect(await sys.pipe(fds)).toBe(0); // 5, 6
      expect(await sys.dup(0)).toBe(7);
      expect(await sys.dup(0)).toBe(-1);
      errno = sys.errno;
      expect(await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 10, rlim_max: 5 })).toBe(-1);
      expect(sys.errno).toBe(EINVAL);
      expect(await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 10, rlim_max: 1e9 })).toBe(-1);
      expect(sys.errno).toBe(EPERM);
    });
    expect(errno).toBe(EMFILE);
  });
});
