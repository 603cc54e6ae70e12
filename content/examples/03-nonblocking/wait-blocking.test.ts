import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('wait-blocking.ts', () => {
  it('sleeps through the gaps: few system calls, little CPU, a wakeup and a switch per message', async () => {
    const r = await runExample('03-nonblocking/wait-blocking.ts');
    const s = computeStats(r);
    expect(calls(r, 'read').length).toBe(5);
    expect(s.syscalls).toBeLessThan(25);
    expect(s.cpu.system).toBeLessThan(60_000);
    // The consumer slept in pipe_read five times, each time woken by the producer (tid 2).
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1);
    expect(waits.map((e) => e.name)).toEqual(Array(5).fill('pipe_read'));
    expect(waits.every((e) => e.detail?.woken_by === 'tid 2')).toBe(true);
    // Each message arrived a wakeup plus a context switch after it was sent: under 2 µs.
    const lat = r.output.map((o) => Number(/arrived (\d+) ns/.exec(o.text)![1]));
    expect(lat.length).toBe(5);
    expect(lat.every((ns) => ns > 1_000 && ns < 2_000)).toBe(true);
  });
});
