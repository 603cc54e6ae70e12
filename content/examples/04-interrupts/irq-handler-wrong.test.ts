import { describe, it, expect } from 'vitest';
import { runExample, exampleSource } from '../../../tests/examples.js';

describe('irq-handler-wrong.ts', () => {
  it('stops with "BUG: scheduling while atomic" at the line that slept in the top half', async () => {
    const r = await runExample('04-interrupts/irq-handler-wrong.ts');
    expect(r.stop.reason).toBe('bug');
    expect(r.stop.message).toMatch(/^BUG: scheduling while atomic: swapper\/0\/0\/0x00010001\. msleep\(0\.1\) tried to sleep at line \d+, in a hard-interrupt handler/);
    const line = exampleSource('04-interrupts/irq-handler-wrong.ts').split('\n')[r.stop.line! - 1]!;
    expect(line).toMatch(/irq\.msleep\(0\.1\)/);
    const bug = r.events.find((e) => e.name === 'BUG: scheduling while atomic')!;
    expect(bug.line).toBe(r.stop.line);
    expect(bug.detail?.context).toBe('hardirq');
    // It happened inside the first interrupt, when the first reading came in.
    expect(bug.t).toBe(500_000);
    expect(r.output).toEqual([]);
  });
});
