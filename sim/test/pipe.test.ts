import { describe, it, expect } from 'vitest';
import { EAGAIN, EBADF, EPIPE, F_GETFL, F_SETFL, O_NONBLOCK, SIGPIPE, SIG_IGN, O_RDONLY, F_SETPIPE_SZ, F_GETPIPE_SZ, PIPE_BUF, text, us } from 'inside-io';
import { sim, syscalls, outcomes } from './helpers.js';

describe('pipes (pipe(7), fs/pipe.c)', () => {
  it('pipe() returns the two lowest free descriptors, read end first', async () => {
    const seen: number[] = [];
    await sim(async (sys) => {
      const fds = [0, 0];
      expect(await sys.pipe(fds)).toBe(0);
      seen.push(...fds);
    });
    expect(seen).toEqual([3, 4]);
  });

  it('a blocking read sleeps until a writer writes, then returns the data', async () => {
    let got = '';
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.pthread_create(async (t) => {
        await t.compute(us(100));
        await t.write(fds[1]!, 'ping');
      });
      const buf = new Uint8Array(16);
      const n = await sys.read(fds[0]!, buf);
      got = text(buf, n);
    });
    expect(got).toBe('ping');
    const read = syscalls(r, 'read')[0]!;
    expect(read.dur).toBeGreaterThan(us(100)); // it waited for the writer
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('pipe_read');
    expect(wait.detail?.woken_by).toBe('tid 2');
    expect(r.events.some((e) => e.cat === 'wakeup' && e.tid === 1)).toBe(true);
  });

  it('a non-blocking read of an empty pipe fails with EAGAIN', async () => {
    let errno = 0;
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      const fl = await sys.fcntl(fds[0]!, F_GETFL);
      expect(fl & O_NONBLOCK).toBe(0);
      await sys.fcntl(fds[0]!, F_SETFL, fl | O_NONBLOCK);
      expect((await sys.fcntl(fds[0]!, F_GETFL)) & O_NONBLOCK).toBe(O_NONBLOCK);
      expect(await sys.read(fds[0]!, new Uint8Array(8))).toBe(-1);
      errno = sys.errno;
    });
    expect(errno).toBe(EAGAIN);
    expect(syscalls(r, 'read')[0]!.errno).toBe('EAGAIN');
  });

  it('read returns 0 (end of file) once every write end is closed and the pipe is drained', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.write(fds[1]!, 'abc');
      await sys.close(fds[1]!);
      const buf = new Uint8Array(2);
      await sys.read(fds[0]!, buf);
      await sys.read(fds[0]!, buf);
      await sys.read(fds[0]!, buf);
    });
    expect(outcomes(r, ['read'])).toEqual(['read=2', 'read=1', 'read=0']);
  });

  it('a blocked reader is woken with end of file when the last writer closes', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.pthread_create(async (t) => {
        await t.nanosleep(us(10));
        await t.close(fds[1]!);
      });
      await sys.read(fds[0]!, new Uint8Array(4));
    });
    expect(outcomes(r, ['read'])).toEqual(['read=0']);
  });

  it('writing with no reader raises SIGPIPE, which kills the process by default', async () => {
    let after = false;
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.close(fds[0]!);
      await sys.write(fds[1]!, 'x');
      after = true;
    });
    expect(after).toBe(false);
    expect(outcomes(r, ['write'])).toEqual(['write=-1 EPIPE']);
    expect(r.events.some((e) => e.cat === 'note' && e.name === 'process killed' && e.detail?.by === 'killed by SIGPIPE')).toBe(true);
  });

  it('with SIGPIPE ignored, the write fails with EPIPE and the program goes on', async () => {
    let errno = 0;
    await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.close(fds[0]!);
      expect(await sys.write(fds[1]!, 'x')).toBe(-1);
      errno = sys.errno;
    });
    expect(errno).toBe(EPIPE);
  });

  it('a non-blocking writer fills 64 KiB, then gets EAGAIN; a write ≤ PIPE_BUF is never split', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe2(fds, O_NONBLOCK);
      expect(await sys.fcntl(fds[1]!, F_GETPIPE_SZ)).toBe(65536);
      const chunk = new Uint8Array(1000);
      let total = 0;
      for (;;) {
        const n = await sys.write(fds[1]!, chunk);
        if (n < 0) break;
        total += n;
      }
      expect(sys.errno).toBe(EAGAIN);
      // 16 pages; each 1000-byte write merges into the last page only if it fits whole.
      expect(total).toBe(16 * 4000);
      // A large write takes what fits: partial, not EAGAIN.
      const big = new Uint8Array(8 * PIPE_BUF);
      await sys.read(fds[0]!, new Uint8Array(3 * PIPE_BUF), 3 * PIPE_BUF);
      const n = await sys.write(fds[1]!, big);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(big.length);
    });
    expect(r.stop.reason).toBe('exit');
  });

  it('a blocking writer on a full pipe sleeps until a reader makes room', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.fcntl(fds[1]!, F_SETPIPE_SZ, 4096);
      await sys.pthread_create(async (t) => {
        await t.nanosleep(us(100));
        await t.read(fds[0]!, new Uint8Array(4096));
      });
      await sys.write(fds[1]!, new Uint8Array(4096));
      await sys.write(fds[1]!, new Uint8Array(10)); // blocks: the one page is full
    });
    const w = syscalls(r, 'write')[1]!;
    expect(w.ret).toBe(10);
    expect(w.dur).toBeGreaterThan(us(90));
    expect(r.events.some((e) => e.cat === 'wait' && e.name === 'pipe_write')).toBe(true);
  });

  it('EBADF: reading a closed descriptor, or writing to the read end', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.write(fds[0]!, 'x');
      await sys.close(fds[0]!);
      await sys.read(fds[0]!, new Uint8Array(1));
      await sys.close(fds[0]!);
      await sys.read(99, new Uint8Array(1));
      await sys.read(-1, new Uint8Array(1));
      expect((await sys.fcntl(0, F_GETFL)) & 3).toBe(O_RDONLY);
    });
    expect(outcomes(r, ['write', 'read', 'close'])).toEqual([
      'write=-1 EBADF', 'close=0', 'read=-1 EBADF', 'close=-1 EBADF', 'read=-1 EBADF', 'read=-1 EBADF',
    ]);
    void EBADF;
  });

  it('EINVAL and EFAULT for absurd arguments, with a hint in the trace', async () => {
    const r = await sim(async (sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      await sys.read(fds[0]!, new Uint8Array(4), -3);
      await sys.read(fds[0]!, new Uint8Array(4), 1e12);
      await sys.fcntl(fds[0]!, 12345);
      await sys.pipe2(fds, 0x40000000);
      await sys.fcntl(fds[0]!, F_SETPIPE_SZ, 1 << 30);
    });
    expect(outcomes(r).slice(1, -1)).toEqual(['read=-1 EINVAL', 'read=-1 EFAULT', 'fcntl=-1 EINVAL', 'pipe2=-1 EINVAL', 'fcntl=-1 EPERM']);
    expect(r.events.filter((e) => e.name === 'hint')).toHaveLength(2);
  });
});
