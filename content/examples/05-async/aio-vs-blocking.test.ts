import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('aio-vs-blocking.ts', () => {
  it('shows AIO overlapping the disk requests for O_DIRECT, and blocking inside io_submit for a buffered file', async () => {
    const r = await runExample('05-async/aio-vs-blocking.ts');
    const ms = r.output.map((o) => o.text);
    expect(ms.length).toBe(3);
    const [direct, buffered] = calls(r, 'io_submit');
    const [gather] = calls(r, 'io_getevents');
    // O_DIRECT: io_submit is quick; the eight requests are at the disk together.
    expect(direct!.dur).toBeLessThan(20_000);
    const reqs = r.events.filter((e) => e.cat === 'device' && e.t >= direct!.t && e.t < gather!.t + gather!.dur);
    expect(reqs.length).toBe(8);
    const overlapping = reqs.filter((e) => e.t < reqs[0]!.t + reqs[0]!.dur);
    expect(overlapping.length).toBe(8);
    // The blocking version took about eight disk round trips; AIO about one.
    const preads = calls(r, 'pread64');
    const blocking = preads[7]!.t + preads[7]!.dur - preads[0]!.t;
    expect(blocking).toBeGreaterThan(8 * r.costs.diskLatency);
    expect(gather!.t + gather!.dur - direct!.t).toBeLessThan(2 * r.costs.diskLatency);
    // Buffered: io_submit itself sleeps eight times waiting for the disk.
    const sleeps = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.t > buffered!.t && e.t < buffered!.t + buffered!.dur);
    expect(sleeps.length).toBe(8);
    expect(sleeps.every((e) => e.name === 'folio_wait_locked')).toBe(true);
    expect(buffered!.dur).toBeGreaterThan(8 * r.costs.diskLatency);
  });
});
