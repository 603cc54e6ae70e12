import { describe, it, expect } from 'vitest';
import { AF_UNIX, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, SOCK_DGRAM, SIGPIPE, SIG_IGN, text, us } from 'inside-io';
import { sim, outcomes } from './helpers.js';

describe('socketpair(AF_UNIX, SOCK_STREAM) (net/unix/af_unix.c)', () => {
  it('is a two-way channel', async () => {
    await sim(async (sys) => {
      const sv = [0, 0];
      expect(await sys.socketpair(AF_UNIX, SOCK_STREAM, 0, sv)).toBe(0);
      await sys.write(sv[0]!, 'to b');
      await sys.write(sv[1]!, 'to a');
      const buf = new Uint8Array(16);
      expect(text(buf, await sys.read(sv[1]!, buf))).toBe('to b');
      expect(text(buf, await sys.read(sv[0]!, buf))).toBe('to a');
    });
  });

  it('a non-blocking sender fills its send buffer and gets EAGAIN; the reader drains it', async () => {
    await sim(async (sys) => {
      const sv = [0, 0];
      await sys.socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
      const chunk = new Uint8Array(4096);
      let sent = 0;
      while ((await sys.write(sv[0]!, chunk)) > 0) sent += 4096;
      expect(sent).toBeGreaterThan(100_000);
      expect(sent).toBeLessThan(212_992);
      let got = 0;
      const buf = new Uint8Array(65536);
      let n: number;
      while ((n = await sys.read(sv[1]!, buf)) > 0) got += n;
      expect(got).toBe(sent);
      expect(await sys.write(sv[0]!, chunk)).toBe(4096);
    });
  });

  it('the peer reads EOF after close, and a write to a closed peer is EPIPE', async () => {
    const r = await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const sv = [0, 0];
      await sys.socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
      await sys.pthread_create(async (t) => {
        await t.nanosleep(us(20));
        await t.close(sv[1]!);
      });
      await sys.read(sv[0]!, new Uint8Array(8));
      await sys.write(sv[0]!, 'x');
    });
    expect(outcomes(r, ['read', 'write'])).toEqual(['read=0', 'write=-1 EPIPE']);
  });

  it('unsupported combinations fail as Linux does, and what is not modelled says so', async () => {
    const r = await sim(async (sys) => {
      const sv = [0, 0];
      await sys.socketpair(AF_INET, SOCK_STREAM, 0, sv);
      await sys.socketpair(99, SOCK_STREAM, 0, sv);
      await sys.socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    });
    expect(outcomes(r, ['socketpair'])).toEqual(['socketpair=-1 EOPNOTSUPP', 'socketpair=-1 EAFNOSUPPORT', 'socketpair=-1 ENOSYS']);
    expect(r.warnings[0]).toMatch(/SOCK_STREAM is modelled/);
  });
});
