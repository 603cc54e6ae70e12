import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('posix-aio.ts', () => {
  it('is done by helper threads making blocking preads: one at a time per descriptor, in parallel over eight', async () => {
    const r = await runExample('05-async/posix-aio.ts');
    const helpers = r.threads.filter((t) => t.name === 'aio helper');
    expect(helpers.length).toBe(8);
    // The main thread never reads: it only waits in futex (aio_suspend).
    expect(calls(r).filter((e) => e.tid === 1).map((e) => e.name)).not.toContain('pread64');
    // Every read is an ordinary blocking pread64 on a helper thread, asleep while the disk works.
    const preads = calls(r, 'pread64');
    expect(preads.length).toBe(16);
    expect(preads.every((e) => helpers.some((h) => h.tid === e.tid))).toBe(true);
    expect(r.events.filter((e) => e.cat === 'wait' && e.name === 'folio_wait_locked').length).toBe(16);
    // Part 1, one descriptor: one helper did all eight, each pread after the previous one.
    const first = preads.slice(0, 8);
    expect(new Set(first.map((e) => e.tid)).size).toBe(1);
    for (let i = 1; i < 8; i++) expect(first[i]!.t).toBeGreaterThanOrEqual(first[i - 1]!.t + first[i - 1]!.dur);
    // Part 2, eight descriptors: eight helpers, their reads at the disk at the same time.
    const second = preads.slice(8);
    expect(new Set(second.map((e) => e.tid)).size).toBe(8);
    const devs = r.events.filter((e) => e.cat === 'device').slice(8);
    expect(devs.every((d) => d.t < devs[0]!.t + devs[0]!.dur)).toBe(true);
    const [one, eight] = r.output.map((o) => Number(/([\d.]+) µs/.exec(o.text)![1]));
    expect(one).toBeGreaterThan(8 * 100);
    expect(eight).toBeLessThan(one / 3);
  });
});
