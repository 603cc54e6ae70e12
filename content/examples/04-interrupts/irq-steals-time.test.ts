import { describe, it, expect } from 'vitest';
import { computeStats, defaultCosts } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('irq-steals-time.ts', () => {
  it('interrupts a computation that makes no system call, and pushes its end back by the handlers\' time', async () => {
    const r = await runExample('04-interrupts/irq-steals-time.ts');
    const irqs = r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 24: sensor0');
    expect(irqs.length).toBe(8);
    // Each top half: 20 µs of udelay plus the interrupt's entry and exit.
    expect(irqs.every((e) => e.dur === 20_000 + defaultCosts.irqEntry && e.cpu === 0)).toBe(true);
    // They land in the middle of the user-mode computation: user slices are cut around them.
    const user = r.events.filter((e) => e.cat === 'user' && e.tid === 1);
    expect(user.length).toBeGreaterThan(8);
    expect(user.reduce((s, e) => s + e.dur, 0)).toBe(2_000_000);
    // The scheduler tick (the CPU's own timer interrupt) came too, and waited while a handler ran.
    const ticks = r.events.filter((e) => e.cat === 'irq' && e.name === 'timer interrupt');
    expect(ticks.length).toBe(2);
    expect(ticks.every((t) => irqs.some((i) => i.t + i.dur === t.t))).toBe(true);
    // No system call was made while computing: only request_irq and exit.
    expect(calls(r).map((e) => e.name)).toEqual(['request_irq', 'exit_group']);
    const took = Number(/took (\d+) µs/.exec(r.output[0]!.text)![1]);
    expect(took).toBe(2_000 + (8 * 20_500 + 2 * 1_500) / 1_000);
    expect(computeStats(r).cpu.irq).toBe(8 * 20_500 + 2 * 1_500);
  });
});
