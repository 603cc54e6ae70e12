import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('many-spin.ts', () => {
  it('asks every descriptor every round: over a thousand EAGAINs for two messages', async () => {
    const r = await runExample('03-nonblocking/many-spin.ts');
    const reads = calls(r, 'read');
    const eagain = reads.filter((e) => e.errno === 'EAGAIN').length;
    expect(reads.length - eagain).toBe(2);
    expect(eagain).toBeGreaterThan(2_000);
    // Every round asks all ten pipes, so the read count is a multiple of ten.
    expect(reads.length % 10).toBe(0);
    const out = r.output.map((o) => o.text.trim());
    expect(out[0]).toMatch(/^round \d+: hello on pipe 7$/);
    expect(out[1]).toMatch(/^round \d+: hello on pipe 2$/);
    expect(out[2]).toBe(`${reads.length} read() calls to receive 2 messages`);
    // The watching thread never slept and kept a CPU busy all along.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1)).toBe(false);
    expect(computeStats(r).cpu.system).toBeGreaterThan(0.95 * r.end);
  });
});
