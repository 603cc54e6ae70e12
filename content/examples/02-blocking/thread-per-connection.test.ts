import { describe, it, expect } from 'vitest';
import { computeStats, percentile } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('thread-per-connection.ts', () => {
  it('one thread per client, each asleep in read() between requests; every request is echoed', async () => {
    const r = await runExample('02-blocking/thread-per-connection.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(20);
    expect(g.responses).toBeGreaterThan(200);
    expect(g.requests - g.responses).toBeLessThanOrEqual(20); // at most one in flight per client when time ran out
    // An answer takes two trips across the network (2 × 50 µs) and a little server time.
    expect(percentile(g.latencies, 50)).toBeGreaterThan(100_000);
    expect(percentile(g.latencies, 99)).toBeLessThan(150_000);

    // The main thread plus one thread per connection.
    expect(r.threads).toHaveLength(21);
    expect(calls(r, 'accept')).toHaveLength(20); // a 21st is still asleep when time runs out (unfinished)
    expect(calls(r, 'clone3')).toHaveLength(20);
    // Each connection thread spends its time asleep in read(): on its socket's wait queue.
    const conn = r.threads.find((t) => t.name.startsWith('conn '))!;
    const sleeps = r.events.filter((e) => e.cat === 'wait' && e.tid === conn.tid);
    expect(sleeps.length).toBeGreaterThan(5);
    expect(new Set(sleeps.map((e) => e.name))).toEqual(new Set(['sk_wait_data']));
    // Every answer costs context switches: a thread must be woken and scheduled.
    expect(computeStats(r).contextSwitches).toBeGreaterThan(g.responses);
  });
});
