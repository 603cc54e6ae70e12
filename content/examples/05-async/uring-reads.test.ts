import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('uring-reads.ts', () => {
  it('submits eight buffered reads without blocking and collects them with one wait', async () => {
    const r = await runExample('05-async/uring-reads.ts');
    const [submit, wait] = calls(r, 'io_uring_enter');
    expect(calls(r, 'io_uring_enter').length).toBe(2);
    // The submitting call took all eight and did not sleep, although no page was cached.
    expect(submit!.ret).toBe(8);
    expect(submit!.dur).toBeLessThan(30_000);
    expect(r.events.some((e) => e.cat === 'wait' && e.t >= submit!.t && e.t < submit!.t + submit!.dur)).toBe(false);
    // All eight disk requests were started during that call, so they are at the disk together.
    const devs = r.events.filter((e) => e.cat === 'device');
    expect(devs.length).toBe(8);
    expect(devs.every((e) => e.t < submit!.t + submit!.dur)).toBe(true);
    // The waiting call slept in io_cqring_wait; each completion woke it to copy 4 KiB into our buffer (task work).
    expect(wait!.args![3]).toBe('IORING_ENTER_GETEVENTS');
    const sleeps = r.events.filter((e) => e.cat === 'wait' && e.tid === 1);
    expect(sleeps.every((e) => e.name === 'io_cqring_wait')).toBe(true);
    const copies = r.events.filter((e) => e.cat === 'copy' && e.name === 'copy_to_user' && e.bytes === 4096);
    expect(copies.length).toBe(8);
    expect(copies.every((c) => c.tid === 1 && c.t > wait!.t && c.t < wait!.t + wait!.dur)).toBe(true);
    // Far faster than one read at a time (8 × ~110 µs): about one disk latency plus the transfers.
    const out = r.output.map((o) => o.text);
    const total = Number(/all done after ([\d.]+) µs/.exec(out[0]!)![1]);
    expect(total).toBeLessThan(400);
    expect(out[1]).toBe('completion order: 0 1 2 3 4 5 6 7\n');
    expect(computeStats(r).syscalls).toBe(8);
  });
});
