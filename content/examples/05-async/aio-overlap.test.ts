import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('aio-overlap.ts', () => {
  it('completes the read, data included, while the program computes; io_getevents does not wait', async () => {
    const r = await runExample('05-async/aio-overlap.ts');
    const [submit] = calls(r, 'io_submit');
    const [reap] = calls(r, 'io_getevents');
    // io_submit only queued the request.
    expect(submit!.ret).toBe(1);
    expect(submit!.dur).toBeLessThan(5_000);
    // The second DMA transfer happened entirely while the program was in user mode.
    const dma = r.events.filter((e) => e.cat === 'dma')[1]!;
    const work = r.events.filter((e) => e.cat === 'user' && e.t >= submit!.t);
    const first = work[0]!;
    expect(dma.t).toBeGreaterThan(first.t);
    expect(dma.t + dma.dur).toBeLessThanOrEqual(first.t + first.dur);
    // The completion interrupt and softirq cut into the computation, which then went on.
    const irq = r.events.filter((e) => e.cat === 'irq')[1]!;
    expect(irq.t).toBe(first.t + first.dur);
    expect(work.reduce((s, e) => s + e.dur, 0)).toBe(300_000);
    // io_getevents found the event already there: no sleep, and it returned at once.
    expect(reap!.ret).toBe(1);
    expect(reap!.dur).toBeLessThan(1_000);
    expect(r.events.some((e) => e.cat === 'wait' && e.t >= submit!.t)).toBe(false);
    // O_DIRECT: the data never went through copy_to_user; only the 32-byte io_event did.
    expect(computeStats(r).bytesToUser).toBe(32);
    const out = r.output.map((o) => o.text);
    expect(out[2]).toBe('event 42: 65536 bytes, starting "0001024"\n');
    // Synchronous took read + work; asynchronous about the work alone.
    const ms = out.map((l) => Number(/([\d.]+) µs/.exec(l)?.[1]));
    expect(ms[0]).toBeGreaterThan(500);
    expect(ms[1]).toBeLessThan(310);
  });
});
