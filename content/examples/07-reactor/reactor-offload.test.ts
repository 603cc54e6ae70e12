import { describe, it, expect } from 'vitest';
import { ms, percentile } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('reactor-offload.ts', () => {
  it('the slow work runs on a pool thread; the loop keeps serving everyone else', async () => {
    const r = await runExample('07-reactor/reactor-offload.ts');
    expect(r.threads.map((t) => t.name)).toEqual(['main', 'worker 1', 'worker 2', 'worker 3', 'worker 4']);
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(10);
    // Only the slow request itself took 50 ms; every other answer came in about 120 µs.
    const slow = g.latencies.filter((l) => l > ms(1));
    expect(slow).toHaveLength(1);
    expect(slow[0]!).toBeGreaterThan(ms(50));
    expect(slow[0]!).toBeLessThan(ms(51));
    expect(percentile(g.latencies, 99)).toBeLessThan(130_000);
    expect(g.responses).toBeGreaterThan(450);

    // The 50 ms computation ran on worker 1's thread, not on the loop's.
    const user = (tid: number) => r.events.filter((e) => e.cat === 'user' && e.tid === tid);
    const work = user(2);
    expect(work.reduce((a, e) => a + e.dur, 0)).toBe(ms(50));
    expect(user(1).reduce((a, e) => a + e.dur, 0)).toBeLessThan(ms(15)); // 20 µs per ordinary request
    // While it ran, the loop kept making system calls on its own thread.
    const [start, end] = [work[0]!.t, work.at(-1)!.t + work.at(-1)!.dur];
    expect(calls(r).filter((e) => e.tid === 1 && e.t > start && e.t < end).length).toBeGreaterThan(500);
    // The worker woke on the job pipe, and woke the loop through the other pipe; the loop
    // then drained it (a read to EAGAIN) and wrote the answer.
    expect(calls(r, 'read').filter((e) => e.tid === 2 && e.args![0] === '3').map((e) => e.ret)).toEqual([1]);
    expect(calls(r, 'write').filter((e) => e.tid === 2 && e.args![0] === '6')).toHaveLength(1);
    const drain = calls(r, 'read').filter((e) => e.tid === 1 && e.args![0] === '5');
    expect(drain.map((e) => e.errno ?? e.ret)).toEqual([1, 'EAGAIN']);
    // The other three workers slept the whole run.
    for (const tid of [3, 4, 5]) expect(r.events.filter((e) => e.cat === 'wait' && e.tid === tid && e.dur > ms(59))).toHaveLength(1);
  });
});
