import { describe, it, expect } from 'vitest';
import {
  run, computeStats, us, ms, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, type EpollEvent, type Sys,
  type World,
} from 'inside-io';

/** An epoll server that reads (and drops) whatever its clients send. */
async function sink(sys: Sys) {
  const l = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(l, { addr: '0.0.0.0', port: 9000 });
  await sys.listen(l, 128);
  const ep = await sys.epoll_create1();
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, l, { events: EPOLLIN, data: l });
  const events: EpollEvent[] = [];
  const buf = new Uint8Array(4096);
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64);
    for (let i = 0; i < n; i++) {
      const fd = events[i]!.data;
      if (fd === l) {
        for (let c = await sys.accept4(l, null, SOCK_NONBLOCK); c >= 0; c = await sys.accept4(l, null, SOCK_NONBLOCK)) {
          await sys.epoll_ctl(ep, EPOLL_CTL_ADD, c, { events: EPOLLIN, data: c });
        }
      } else {
        while ((await sys.recv(fd, buf)) > 0);
      }
    }
  }
}

/** 24 clients each sending 48 KiB at once: a burst of ~800 full-size frames. */
const burst = (nic: World['nic']): World => ({
  cpus: 1,
  until: ms(3),
  nic,
  clients: [{ count: 24, port: 9000, requests: 1, requestSize: 49152, responseSize: 0 }],
  maxEvents: 1_000_000,
});

describe('the network card', () => {
  it('without a card, segments from the world reach TCP with no interrupt at all (the cheap path)', async () => {
    const r = await run(sink, burst(undefined));
    expect(r.errors).toEqual([]);
    expect(r.events.filter((e) => e.cat === 'irq' && e.name.includes('eth0')).length).toBe(0);
    expect(r.events.some((e) => e.cat === 'softirq' && e.name === 'NET_RX')).toBe(false);
    expect(r.events.filter((e) => e.cat === 'syscall' && e.name === 'recvfrom' && (e.ret ?? 0) > 0).length).toBeGreaterThan(100);
  });

  it('under load NAPI serves many frames per interrupt, and hands the overflow to ksoftirqd', async () => {
    // A slower CPU (3 µs of driver work per frame) cannot keep up with 10 Gbit/s of full frames.
    const r = await run(sink, { ...burst({ ringSize: 4096 }), costs: { nicRxPacket: 3_000 }, until: ms(5) });
    expect(r.errors).toEqual([]);
    const frames = r.events.filter((e) => e.cat === 'dma' && e.name === 'DMA to memory').length;
    const irqs = r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 25: eth0').length;
    expect(frames).toBeGreaterThan(400);
    expect(irqs * 4).toBeLessThan(frames);
    const s = computeStats(r);
    expect(s.cpu.softirq).toBeGreaterThan(s.cpu.irq);
    // With one CPU flooded, NET_RX runs use up their budget (time_squeeze), and past the
    // restart limit the rest is handed to ksoftirqd/0.
    expect(r.events.filter((e) => e.name === 'NET_RX budget used up (time_squeeze)').length).toBeGreaterThan(0);
    expect(r.threads.some((t) => t.name === 'ksoftirqd/0')).toBe(true);
  });

  it('drops frames when the RX ring is full', async () => {
    const r = await run(sink, { ...burst({ ringSize: 64 }), until: ms(2) });
    expect(r.events.filter((e) => e.name === 'eth0: RX ring full, frame dropped').length).toBeGreaterThan(0);
  });

  it('coalescing (rx-usecs) trades latency for fewer interrupts', async () => {
    const w = (coalesceUsecs: number): World => ({ cpus: 2, until: ms(3), nic: { coalesceUsecs }, clients: [{ count: 4, port: 9000, requests: Infinity, requestSize: 200, responseSize: 0, think: us(20) }] });
    const eager = await run(sink, w(0));
    const lazy = await run(sink, w(30));
    const count = (r: typeof eager) => r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 25: eth0').length;
    expect(count(lazy)).toBeLessThan(count(eager) / 2);
  });

  it('sends through the TX ring: DMA from memory, then the wire', async () => {
    const r = await run(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '0.0.0.0', port: 9001 });
      await sys.listen(l, 4);
      const c = await sys.accept(l);
      const buf = new Uint8Array(100);
      const n = await sys.recv(c, buf);
      await sys.send(c, buf, n);
      await sys.nanosleep(ms(1));
    }, { nic: true, until: ms(3), clients: [{ count: 1, port: 9001, requestSize: 100 }] });
    expect(r.net.groups[0]!.responses).toBe(1);
    const out = r.events.find((e) => e.cat === 'device' && e.name === 'wire out' && e.detail?.segment === 'DATA')!;
    const dma = r.events.find((e) => e.cat === 'dma' && e.name === 'DMA from memory' && e.bytes === 166)!;
    expect(out.t).toBe(dma.t + dma.dur);
  });
});
