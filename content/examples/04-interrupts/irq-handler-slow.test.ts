import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';

describe('irq-handler-slow.ts', () => {
  it('loses readings while its top half hogs the CPU with interrupts off', async () => {
    const r = await runExample('04-interrupts/irq-handler-slow.ts');
    expect(r.stop.reason).toBe('blocked');
    const overruns = r.events.filter((e) => e.name === 'sensor0: overrun');
    expect(overruns.length).toBe(5);
    const lines = r.output.map((o) => o.text).join('').trim().split('\n');
    expect(lines.length).toBe(5);
    // Each top half takes 1.2 ms: CPU 0 spends most of the run in hard-interrupt context.
    const irqTime = r.events.filter((e) => e.cat === 'irq' && e.cpu === 0).reduce((s, e) => s + e.dur, 0);
    expect(irqTime).toBeGreaterThan(5 * 1_200_000);
    // The kworker bound to CPU 0 waited for it: a long "runnable" span.
    const kworker = r.threads.find((t) => t.name === 'kworker/0:1')!;
    const waited = r.events.filter((e) => e.cat === 'sched' && e.cpu === undefined && e.tid === kworker.tid);
    expect(Math.max(...waited.map((e) => e.dur))).toBeGreaterThan(2_000_000);
  });
});
