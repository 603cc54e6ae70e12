import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample } from '../../../tests/examples.js';

describe('irq-handler-right.ts', () => {
  it('keeps the top half short and does the sleeping work in a kworker thread', async () => {
    const r = await runExample('04-interrupts/irq-handler-right.ts');
    expect(r.stop.reason).toBe('exit');
    expect(r.output.map((o) => o.text).join('')).toBe([20, 21, 22, 23, 24].map((v) => `temperature: ${v} °C\n`).join(''));
    // Five interrupts, each handled in hard-interrupt context on CPU 0 in well under a microsecond.
    const irqs = r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 24: sensor0');
    expect(irqs.length).toBe(5);
    expect(irqs.every((e) => e.cpu === 0 && e.dur < 1_000)).toBe(true);
    // The bottom half ran in a kernel thread, which slept in msleep() (allowed there).
    const kworker = r.threads.find((t) => t.name === 'kworker/0:1')!;
    expect(kworker).toBeDefined();
    const sleeps = r.events.filter((e) => e.cat === 'wait' && e.tid === kworker.tid && e.name === 'msleep');
    expect(sleeps.length).toBe(5);
    expect(sleeps.every((e) => e.dur === 100_000)).toBe(true);
    // Each read() was woken by the kworker, not by the interrupt itself.
    const readWaits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sensor0 read');
    expect(readWaits.length).toBe(5);
    expect(readWaits.every((e) => e.detail?.woken_by === `tid ${kworker.tid}`)).toBe(true);
    // The kworker itself was woken by the interrupt.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === kworker.tid && e.detail?.woken_by === 'irq 24: sensor0')).toBe(true);
    expect(r.events.some((e) => e.name === 'sensor0: overrun')).toBe(false);
    expect(computeStats(r).cpu.irq).toBeGreaterThan(0);
  });
});
