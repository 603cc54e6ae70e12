import { describe, it, expect } from 'vitest';
import {
  AF_INET, SOCK_STREAM, SOCK_NONBLOCK, SOL_SOCKET, SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_RCVLOWAT, SHUT_WR, MSG_PEEK, MSG_DONTWAIT, MSG_OOB,
  SIGPIPE, SIG_IGN, RLIMIT_NOFILE, text, ms, us, type Sys, type SockAddrOut,
} from 'inside-io';
import { sim, outcomes } from './helpers.js';

/** A listening socket on 127.0.0.1 with an ephemeral port; returns [fd, port]. */
async function listener(sys: Sys, backlog = 8, flags = 0): Promise<[number, number]> {
  const l = await sys.socket(AF_INET, SOCK_STREAM | flags);
  expect(await sys.bind(l, { addr: '127.0.0.1', port: 0 })).toBe(0);
  expect(await sys.listen(l, backlog)).toBe(0);
  const a: SockAddrOut = {};
  await sys.getsockname(l, a);
  return [l, a.port!];
}

describe('TCP over loopback (net/ipv4/tcp*.c)', () => {
  it('connect, accept, and bytes both ways; the accepted socket knows its peer', async () => {
    const r = await sim(async (sys) => {
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      expect(await sys.connect(c, { addr: '127.0.0.1', port })).toBe(0);
      const peer: SockAddrOut = {};
      const s = await sys.accept(l, peer);
      expect(peer.addr).toBe('127.0.0.1');
      expect(peer.port).toBeGreaterThanOrEqual(32768);
      await sys.write(c, 'ping');
      const buf = new Uint8Array(16);
      expect(text(buf, await sys.read(s, buf))).toBe('ping');
      await sys.write(s, 'pong');
      expect(text(buf, await sys.read(c, buf))).toBe('pong');
    });
    expect(outcomes(r, ['connect', 'accept'])).toEqual(['connect=0', 'accept=5']);
  });

  it('a blocking accept sleeps until a client connects; a blocking read until data comes', async () => {
    const r = await sim(async (sys) => {
      const [l, port] = await listener(sys);
      await sys.pthread_create(async (client) => {
        await client.nanosleep(us(100));
        const c = await client.socket(AF_INET, SOCK_STREAM);
        await client.connect(c, { addr: '127.0.0.1', port });
        await client.nanosleep(us(100));
        await client.write(c, 'late');
        await client.close(c);
      });
      const s = await sys.accept(l);
      const buf = new Uint8Array(16);
      expect(await sys.read(s, buf)).toBe(4);
      expect(await sys.read(s, buf)).toBe(0);
    });
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1).map((e) => e.name);
    expect(waits).toEqual(['inet_csk_wait_for_connect', 'sk_wait_data', 'sk_wait_data']);
  });

  it('non-blocking accept and connect: EAGAIN, EINPROGRESS, then writable with SO_ERROR 0', async () => {
    const r = await sim(async (sys) => {
      const [l, port] = await listener(sys, 8, SOCK_NONBLOCK);
      expect(await sys.accept(l)).toBe(-1);
      const c = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      expect(await sys.connect(c, { addr: '127.0.0.1', port })).toBe(-1);
      const err = { value: -1 };
      await sys.getsockopt(c, SOL_SOCKET, SO_ERROR, err);
      expect(err.value).toBe(0);
      expect(await sys.connect(c, { addr: '127.0.0.1', port })).toBe(0);
      expect(await sys.connect(c, { addr: '127.0.0.1', port })).toBe(-1);
      expect(await sys.accept(l)).toBeGreaterThan(0);
    });
    expect(outcomes(r, ['accept', 'connect'])).toEqual([
      'accept=-1 EAGAIN', 'connect=-1 EINPROGRESS', 'connect=0', 'connect=-1 EISCONN', 'accept=5',
    ]);
  });

  it('nobody listening: ECONNREFUSED, and a fresh socket reads ENOTCONN and writes EPIPE', async () => {
    const r = await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.read(c, new Uint8Array(4));
      await sys.write(c, 'x');
      await sys.connect(c, { addr: '127.0.0.1', port: 9 });
    });
    expect(outcomes(r, ['read', 'write', 'connect'])).toEqual(['read=-1 ENOTCONN', 'write=-1 EPIPE', 'connect=-1 ECONNREFUSED']);
  });

  it('half-close: after shutdown(SHUT_WR) the peer reads EOF and can still answer', async () => {
    await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port });
      const s = await sys.accept(l);
      await sys.write(c, 'request');
      expect(await sys.shutdown(c, SHUT_WR)).toBe(0);
      const buf = new Uint8Array(32);
      expect(await sys.read(s, buf)).toBe(7);
      expect(await sys.read(s, buf)).toBe(0);
      expect(await sys.write(s, 'response')).toBe(8);
      expect(text(buf, await sys.read(c, buf))).toBe('response');
      expect(await sys.write(c, 'more')).toBe(-1);
    });
  });

  it('close with unread data resets the connection: the peer reads ECONNRESET, then EOF, then writes EPIPE', async () => {
    const r = await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port });
      const s = await sys.accept(l);
      await sys.write(c, 'unread');
      await sys.close(s);
      const buf = new Uint8Array(8);
      await sys.read(c, buf);
      await sys.read(c, buf);
      await sys.write(c, 'x');
    });
    expect(outcomes(r, ['read', 'write'])).toEqual(['write=6', 'read=-1 ECONNRESET', 'read=0', 'write=-1 EPIPE']);
  });

  it('writing to a peer that closed: the first write goes, the RST makes the second EPIPE', async () => {
    const r = await sim(async (sys) => {
      await sys.signal(SIGPIPE, SIG_IGN);
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port });
      const s = await sys.accept(l);
      await sys.close(s);
      await sys.read(c, new Uint8Array(4));
      await sys.write(c, 'a');
      await sys.write(c, 'b');
    });
    expect(outcomes(r, ['read', 'write'])).toEqual(['read=0', 'write=1', 'write=-1 EPIPE']);
  });

  it('MSG_PEEK leaves the data; MSG_DONTWAIT makes one call non-blocking', async () => {
    await sim(async (sys) => {
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port });
      const s = await sys.accept(l);
      const buf = new Uint8Array(16);
      expect(await sys.recv(s, buf, 16, MSG_DONTWAIT)).toBe(-1);
      await sys.send(c, 'hello');
      expect(await sys.recv(s, buf, 16, MSG_PEEK)).toBe(5);
      expect(await sys.recv(s, buf, 2)).toBe(2);
      expect(text(buf, await sys.recv(s, buf, 16))).toBe('llo');
    });
  });

  it('buffers fill: a non-blocking writer to a reader that does not read ends with EAGAIN; reading makes room', async () => {
    await sim(async (sys) => {
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      await sys.connect(c, { addr: '127.0.0.1', port });
      const s = await sys.accept(l);
      const chunk = new Uint8Array(10_000);
      let total = 0;
      let n: number;
      while ((n = await sys.write(c, chunk)) > 0) total += n;
      expect(total).toBeGreaterThan(16_384);
      const big = new Uint8Array(1 << 20);
      let got = 0;
      while (got < total) got += await sys.read(s, big);
      expect(got).toBe(total);
      expect(await sys.write(c, chunk)).toBe(10_000);
    });
  });

  it('SO_SNDBUF and SO_RCVBUF are doubled, with minimums (socket(7))', async () => {
    await sim(async (sys) => {
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      const v = { value: 0 };
      await sys.getsockopt(c, SOL_SOCKET, SO_SNDBUF, v);
      expect(v.value).toBe(16_384);
      await sys.setsockopt(c, SOL_SOCKET, SO_SNDBUF, 1);
      await sys.getsockopt(c, SOL_SOCKET, SO_SNDBUF, v);
      expect(v.value).toBe(4608);
      await sys.setsockopt(c, SOL_SOCKET, SO_RCVBUF, 50_000);
      await sys.getsockopt(c, SOL_SOCKET, SO_RCVBUF, v);
      expect(v.value).toBe(100_000);
    });
  });

  it('accept past RLIMIT_NOFILE is EMFILE and leaves the connection queued', async () => {
    const r = await sim(async (sys) => {
      const [l, port] = await listener(sys);
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port });
      await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 5, rlim_max: 5 });
      await sys.accept(l);
      await sys.close(c);
      await sys.accept(l);
    });
    expect(outcomes(r, ['accept'])).toEqual(['accept=-1 EMFILE', 'accept=4']);
  });

  it('a full accept queue drops the SYN: the client waits for its retransmission a second later', async () => {
    const r = await sim(
      async (sys) => {
        const [l, port] = await listener(sys, 0);
        const a = await sys.socket(AF_INET, SOCK_STREAM);
        await sys.connect(a, { addr: '127.0.0.1', port });
        await sys.pthread_create(async (t) => {
          await t.nanosleep(ms(300));
          await t.accept(l);
        });
        const b = await sys.socket(AF_INET, SOCK_STREAM);
        await sys.connect(b, { addr: '127.0.0.1', port });
      },
      { until: ms(2000) },
    );
    const connects = r.events.filter((e) => e.cat === 'syscall' && e.name === 'connect');
    expect(connects.map((e) => e.ret)).toEqual([0, 0]);
    expect(connects[1]!.dur).toBeGreaterThan(ms(999));
    expect(r.events.some((e) => e.name === 'SYN dropped')).toBe(true);
  });

  it('what is not modelled fails loudly: SO_RCVLOWAT, MSG_OOB, connecting to a remote host', async () => {
    const r = await sim(async (sys) => {
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.setsockopt(c, SOL_SOCKET, SO_RCVLOWAT, 100);
      await sys.send(c, 'x', 1, MSG_OOB);
      await sys.connect(c, { addr: '203.0.113.7', port: 80 });
    });
    expect(outcomes(r, ['setsockopt', 'sendto', 'connect'])).toEqual(['setsockopt=-1 ENOSYS', 'sendto=-1 ENOSYS', 'connect=-1 ENOSYS']);
    expect(r.warnings).toHaveLength(3);
  });
});
