import { describe, it, expect } from 'vitest';
import { defaultCosts } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('copy-phase.ts', () => {
  it('charges the copy to the caller: a 1 MiB read lasts ~0.1 ms, an EAGAIN ~0.1 µs', async () => {
    const r = await runExample('03-nonblocking/copy-phase.ts');
    const [small, big, empty] = calls(r, 'read');
    expect([small!.ret, big!.ret, empty!.errno]).toEqual([64, 1_048_512, 'EAGAIN']);
    expect(small!.dur).toBeLessThan(300);
    expect(empty!.dur).toBeLessThan(300);
    // The big read's time is almost all copy_to_user, at the cost model's per-byte rate.
    const copy = r.events.find((e) => e.cat === 'copy' && e.name === 'copy_to_user' && e.bytes === 1_048_512)!;
    expect(copy.tid).toBe(1);
    expect(copy.t).toBeGreaterThanOrEqual(big!.t);
    expect(copy.t + copy.dur).toBeLessThanOrEqual(big!.t + big!.dur);
    expect(copy.dur).toBe(Math.round(defaultCosts.copyBase + 1_048_512 * defaultCosts.copyPerByte));
    expect(big!.dur).toBeGreaterThan(100_000);
    expect(big!.dur - copy.dur).toBeLessThan(300);
  });
});
