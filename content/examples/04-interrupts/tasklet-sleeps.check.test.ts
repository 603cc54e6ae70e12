import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';
import { outcome, OUTCOMES } from './tasklet-sleeps.check.js';
import { tookUs } from './irq-steals-time.check.js';
import { check as fixSleep } from './irq-handler-wrong.check.js';
import { check as slowest } from './irq-handler-slow.check.js';

describe('the predictions and exercises of chapter 4', () => {
  it('a tasklet that sleeps: BUG in softirq context, preempt count 0x00000101', async () => {
    const r = await runExample('04-interrupts/tasklet-sleeps.ts');
    const a = outcome(r);
    expect(a.value).toBe(OUTCOMES[2]);
    expect(a.explain).toMatch(/0x00000101/);
    expect(r.events.find((e) => e.name === 'BUG: scheduling while atomic')!.detail!.context).toBe('softirq');
  });

  it('2 ms of computation take 2,167 µs: eight handlers of 20.5 µs and two ticks of 1.5 µs', async () => {
    const a = tookUs(await runExample('04-interrupts/irq-steals-time.ts'));
    expect(a.value).toBe(2167);
    expect(a.explain).toMatch(/8 sensor handlers of 20.5 µs and 2 timer ticks of 1.5 µs/);
  });

  it('the sleeping top half fails the exercise with the BUG line; the right driver passes', async () => {
    expect(fixSleep(await runExample('04-interrupts/irq-handler-wrong.ts')).message).toMatch(/^BUG: scheduling while atomic.*line \d+/);
    expect(fixSleep(await runExample('04-interrupts/irq-handler-right.ts')).ok).toBe(true);
  });

  it('the slowest top half that loses nothing: 1.2 ms loses readings, 0.55 ms does not, 0.3 ms is not slow enough', async () => {
    expect(slowest(await runExample('04-interrupts/irq-handler-slow.ts')).message).toMatch(/were overwritten/);
    expect(slowest(await runExample('04-interrupts/irq-handler-slow.solution.ts')).ok).toBe(true);
    const { exampleSource } = await import('../../../tests/examples.js');
    const quick = exampleSource('04-interrupts/irq-handler-slow.solution.ts').replace('mdelay(0.55)', 'mdelay(0.3)');
    expect(slowest(await runExample('04-interrupts/irq-handler-slow.solution.ts', quick)).message).toMatch(/at least 0.5 ms/);
  });
});
