import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('busy-poll.ts', () => {
  it('collects a run of EAGAINs, never sleeps, and burns system time while it waits', async () => {
    const r = await runExample('03-nonblocking/busy-poll.ts');
    const reads = calls(r, 'read');
    const eagain = reads.filter((e) => e.errno === 'EAGAIN');
    expect(eagain.length).toBeGreaterThan(50);
    expect(reads.at(-1)!.ret).toBe(9);
    expect(eagain.every((e) => e.line === 25)).toBe(true);
    // The main thread never slept on a wait queue.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1)).toBe(false);
    const s = computeStats(r);
    expect(s.cpu.system).toBeGreaterThan(15_000);
    expect(r.output[0]!.text).toBe(`after ${reads.length} tries: finally!\n`);
  });
});
