import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('wait-polling.ts', () => {
  it('spins through the gaps: thousands of EAGAINs and a CPU kept busy, for a faster reaction', async () => {
    const r = await runExample('03-nonblocking/wait-polling.ts');
    const s = computeStats(r);
    const reads = calls(r, 'read');
    expect(reads.filter((e) => e.errno === 'EAGAIN').length).toBeGreaterThan(3_000);
    expect(reads.filter((e) => e.ret! > 0).length).toBe(5);
    // The consumer never slept; it kept one CPU busy in the kernel for the whole run.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1)).toBe(false);
    expect(s.cpu.system).toBeGreaterThan(0.95 * r.end);
    // Each message was picked up within one read() of being written: well under 1 µs.
    const lat = r.output.map((o) => Number(/arrived (\d+) ns/.exec(o.text)![1]));
    expect(lat.length).toBe(5);
    expect(lat.every((ns) => ns < 500)).toBe(true);
  });
});
