import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('nic-napi.ts', () => {
  it('receives 200 frames of data with a handful of interrupts: NAPI polls while the card keeps its interrupt masked', async () => {
    const r = await runExample('04-interrupts/nic-napi.ts');
    expect(r.output.map((o) => o.text).join('')).toBe('received 280000 bytes\n');
    const frames = r.events.filter((e) => e.cat === 'dma' && e.name === 'DMA to memory' && e.bytes === 1466);
    expect(frames.length).toBeGreaterThanOrEqual(190); // 280,000 bytes in frames of at most 1,400
    const irqs = r.events.filter((e) => e.cat === 'irq' && e.name.endsWith(': eth0'));
    expect(irqs.length).toBeLessThan(20);
    // Most data frames were picked up by a NET_RX run already in progress, with no interrupt of their own.
    const runs = r.events.filter((e) => e.cat === 'softirq' && e.name === 'NET_RX');
    const longest = runs.reduce((m, e) => Math.max(m, e.dur), 0);
    expect(longest).toBeGreaterThan(40_000);
    const during = frames.filter((f) => runs.some((s) => f.t > s.t && f.t < s.t + s.dur));
    expect(during.length).toBeGreaterThan(frames.length * 0.8);
    // The reader slept in recv() and was woken by NET_RX each time.
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sk_wait_data');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((e) => e.detail?.woken_by === 'NET_RX')).toBe(true);
    expect(calls(r, 'recvfrom').at(-1)!.ret).toBeGreaterThan(0);
  });
});
