import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';

describe('bottom-tasklet.ts', () => {
  it('runs the bottom half as a tasklet in softirq context, right after the top half, on the same CPU, with no thread', async () => {
    const r = await runExample('04-interrupts/bottom-tasklet.ts');
    expect(r.stop.reason).toBe('exit');
    const irqs = r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 24: sensor0');
    const soft = r.events.filter((e) => e.cat === 'softirq' && e.name === 'TASKLET');
    expect(irqs.length).toBe(5);
    expect(soft.length).toBe(5);
    // Each tasklet starts the moment the hard interrupts on its CPU are done (irq_exit): right after
    // its top half, or after the timer interrupt that arrived meanwhile and waited its turn.
    const hard = r.events.filter((e) => e.cat === 'irq');
    for (const s of soft) expect(hard.some((i) => i.t + i.dur === s.t && i.cpu === s.cpu)).toBe(true);
    for (const [k, s] of soft.entries()) expect(s.t - irqs[k]!.t).toBeLessThanOrEqual(500 + 1_500);
    // No kernel thread was needed: no kworker, no ksoftirqd.
    expect(r.threads.some((t) => t.name.startsWith('kworker') || t.name.startsWith('ksoftirqd'))).toBe(false);
    // The reader was woken from softirq context.
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sensor0 read');
    expect(waits.length).toBe(5);
    expect(waits.every((e) => e.detail?.woken_by === 'TASKLET')).toBe(true);
    const late = r.output.map((o) => Number(/hands (\d+) ns/.exec(o.text)![1]));
    expect(late.every((ns) => ns > 1_000 && ns < 4_500)).toBe(true);
  });
});
