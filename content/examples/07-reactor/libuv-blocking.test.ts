import { describe, it, expect } from 'vitest';
import { percentile } from 'inside-io';
import { runExample } from '../../../tests/examples.js';

describe('libuv-blocking.ts', () => {
  it('one 50 ms callback delays the answers of every other connection by about 50 ms', async () => {
    const r = await runExample('07-reactor/libuv-blocking.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(4);
    expect(g.responses).toBeGreaterThan(60);
    // Most answers take two network trips; the ones caught behind the long callback, ~50 ms.
    expect(percentile(g.latencies, 50)).toBeLessThan(1_000_000);
    const late = g.latencies.filter((l) => l > 40_000_000);
    expect(late.length).toBeGreaterThanOrEqual(4);
    // The loop thread spent those 50 ms in user mode, not polling.
    const user = r.events.filter((e) => e.cat === 'user' && e.tid === 1).reduce((s, e) => s + e.dur, 0);
    expect(user).toBe(50_000_000);
    const waits = r.events.filter((e) => e.cat === 'syscall' && e.name === 'epoll_wait').sort((a, b) => a.t - b.t);
    const longestWaitGap = Math.max(...waits.map((e, i, all) => (i ? e.t - (all[i - 1]!.t + all[i - 1]!.dur) : 0)));
    expect(longestWaitGap).toBeGreaterThan(49_000_000);
  });
});
