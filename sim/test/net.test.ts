import { describe, it, expect } from 'vitest';
import { AF_INET, SOCK_STREAM, RLIMIT_NOFILE, percentile, us, ms, sec, type Sys, type World } from 'inside-io';
import { sim } from './helpers.js';

/** A blocking echo server for `n` connections, one after the other. */
async function echoServer(sys: Sys, addr = '0.0.0.0', n = Infinity, backlog = 128): Promise<void> {
  const l = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(l, { addr, port: 8080 });
  await sys.listen(l, backlog);
  const buf = new Uint8Array(65536);
  for (let i = 0; i < n; i++) {
    const c = await sys.accept(l);
    for (;;) {
      const m = await sys.read(c, buf);
      if (m <= 0) break;
      await sys.write(c, buf, m);
    }
    await sys.close(c);
  }
  await sys.nanosleep(ms(1)); // the last answer is still on the wire: the run ends when the program does
}

describe('remote clients (sim/net)', () => {
  it('connect, send requests, get echoes; latency is two trips of the network plus the server', async () => {
    const world: World = { until: ms(50), network: { latency: us(100) }, clients: [{ count: 1, port: 8080, requests: 5, requestSize: 100, think: ms(1) }] };
    const r = await sim((sys) => echoServer(sys, '0.0.0.0', 1), world);
    const g = r.net.groups[0]!;
    expect(g).toMatchObject({ connected: 1, requests: 5, responses: 5, bytesSent: 500, bytesReceived: 500, closedEarly: 0, refused: 0 });
    expect(g.latencies).toHaveLength(5);
    for (const l of g.latencies) {
      expect(l).toBeGreaterThanOrEqual(us(200));
      expect(l).toBeLessThan(us(260));
    }
    // The client's FIN reached the server: its read returned 0 and it closed.
    expect(r.events.some((e) => e.name === 'read' && e.ret === 0)).toBe(true);
    expect(r.stop.reason).toBe('exit');
  });

  it('peers reach this machine at 192.0.2.1: a server bound to 127.0.0.1 refuses them', async () => {
    const world: World = { until: ms(10), clients: [{ count: 3, port: 8080 }] };
    const r = await sim(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '127.0.0.1', port: 8080 });
      await sys.listen(l, 8);
      await sys.nanosleep(ms(5));
    }, world);
    expect(r.net.groups[0]).toMatchObject({ connected: 0, refused: 3 });
  });

  it('the bandwidth limits how fast an answer arrives', async () => {
    const slow: World = { until: ms(100), network: { latency: us(10), bandwidth: 1e8 }, clients: [{ count: 1, port: 8080, requestSize: 100_000, responseSize: 100_000 }] };
    const r = await sim((sys) => echoServer(sys, '0.0.0.0', 1), slow);
    const g = r.net.groups[0]!;
    expect(g.responses).toBe(1);
    // 100 kB at 100 Mbit/s takes 8 ms on the wire (the echo overlaps the two directions).
    expect(g.latencies[0]!).toBeGreaterThan(ms(8));
  });

  it('a full accept queue: handshakes wait for retransmissions, 1 s, then 2 s, 4 s later', async () => {
    const world: World = { until: sec(8), clients: [{ count: 4, port: 8080, requests: 1 }, { count: 1, port: 8080, start: ms(200) }] };
    const r = await sim(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '0.0.0.0', port: 8080 });
      await sys.listen(l, 0); // room for one finished connection
      await sys.nanosleep(ms(500));
      const buf = new Uint8Array(100);
      for (let i = 0; i < 5; i++) {
        const c = await sys.accept(l);
        await sys.write(c, buf, await sys.read(c, buf));
        await sys.close(c);
      }
      await sys.nanosleep(ms(1));
    }, world);
    const [first, late] = r.net.groups;
    expect(first).toMatchObject({ connected: 4, responses: 4 });
    // The four SYNs came together: all were answered, but only one handshake fitted in the queue.
    expect(r.events.filter((e) => e.name === 'listen overflow').length).toBeGreaterThan(0);
    expect(percentile(first!.latencies, 25)).toBeLessThan(ms(501));
    expect(percentile(first!.latencies, 100)).toBeGreaterThan(sec(3));
    // The late client found the queue full when its SYN arrived: dropped, sent again a second later.
    expect(late).toMatchObject({ connected: 1, synRetries: 1 });
  });

  it('a server that closes with a request unread resets the connection', async () => {
    const world: World = { until: ms(10), clients: [{ count: 1, port: 8080, requests: 3 }] };
    const r = await sim(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '0.0.0.0', port: 8080 });
      await sys.listen(l, 8);
      const c = await sys.accept(l);
      await sys.nanosleep(ms(1));
      await sys.close(c);
      await sys.nanosleep(ms(1));
    }, world);
    expect(r.net.groups[0]).toMatchObject({ connected: 1, requests: 1, responses: 0, reset: 1 });
  });

  it('10,000 mostly idle connections are one line of world; RLIMIT_NOFILE must be raised to accept them', async () => {
    const world: World = { until: ms(200), maxEvents: 2_000_000, clients: [{ count: 10_000, port: 8080, active: 0.01, requests: Infinity, think: ms(10), every: us(5) }] };
    const r = await sim(async (sys) => {
      await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 20_000, rlim_max: 524_288 });
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '0.0.0.0', port: 8080 });
      await sys.listen(l, 4096);
      // Accept them all, never read: connections pile up.
      for (let i = 0; i < 10_000; i++) await sys.accept(l);
    }, world);
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(10_000);
    expect(g.requests).toBeGreaterThan(90);
    expect(g.responses).toBe(0);
    expect(r.events.filter((e) => e.name === 'accept' && e.ret! > 0)).toHaveLength(10_000);
  });
});
