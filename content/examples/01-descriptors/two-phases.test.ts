import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('two-phases.ts', () => {
  it('the read first sleeps (phase 1), then copies 60,000 bytes to user space (phase 2)', async () => {
    const r = await runExample('01-descriptors/two-phases.ts');
    const read = calls(r, 'read')[0]!;
    expect(read.ret).toBe(60_000);
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('unix_stream_data_wait');
    expect(wait.dur).toBeGreaterThan(280_000);
    const copy = r.events.find((e) => e.cat === 'copy' && e.tid === 1 && e.name === 'copy_to_user')!;
    expect(copy.bytes).toBe(60_000);
    // The copy comes after the wait, inside the same read(), and takes CPU time (25 ns + 0.1 ns/byte).
    expect(copy.t).toBeGreaterThanOrEqual(wait.t + wait.dur);
    expect(copy.t + copy.dur).toBeLessThanOrEqual(read.t + read.dur);
    expect(copy.dur).toBe(r.costs.copyBase + 60_000 * r.costs.copyPerByte);
    expect(r.output.map((o) => o.text).join('')).toBe('read returned 60000\n');
  });
});
