import { describe, it, expect } from 'vitest';
import { ms, percentile } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('reactor-blocking.ts', () => {
  it('one 50 ms handler stops the whole loop: every other client waits for it', async () => {
    const r = await runExample('07-reactor/reactor-blocking.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(10);
    // Most answers take two network trips plus the 20 µs of work...
    expect(percentile(g.latencies, 50)).toBeLessThan(130_000);
    // ...but one answer per client took about 50 ms: the slow request, and each other
    // client's request that arrived while the slow handler ran.
    const slow = g.latencies.filter((l) => l > ms(1));
    expect(slow).toHaveLength(10);
    for (const l of slow) {
      expect(l).toBeGreaterThan(ms(49));
      expect(l).toBeLessThan(ms(51));
    }

    // The 50 ms of user-mode work on the loop's only thread: the longest stretch without a
    // system call, filled with user-mode time (split by the timer tick into 1 ms slices).
    const sys = calls(r);
    let start = 0, end = 0;
    for (let i = 1; i < sys.length; i++) {
      const from = sys[i - 1]!.t + sys[i - 1]!.dur;
      if (sys[i]!.t - from > end - start) [start, end] = [from, sys[i]!.t];
    }
    expect(end - start).toBeGreaterThan(ms(50));
    expect(end - start).toBeLessThan(ms(50.1));
    const user = r.events.filter((e) => e.cat === 'user' && e.tid === 1 && e.t >= start && e.t < end).reduce((a, e) => a + e.dur, 0);
    expect(user).toBeGreaterThan(ms(49.9));
    // Meanwhile the kernel keeps marking connections ready (ep_poll_callback)...
    const readyMeanwhile = r.events.filter((e) => e.cat === 'io' && e.name === 'ready +' && e.t > start && e.t < end);
    expect(new Set(readyMeanwhile.map((e) => e.detail?.fd)).size).toBe(9);
    // ...and the first epoll_wait after it finds all nine of the others at once.
    const next = calls(r, 'epoll_wait').find((e) => e.t >= end)!;
    expect(next.ret).toBe(9);
    // The stall also cost throughput: far fewer requests were answered in 60 ms than the offloading version manages.
    expect(g.responses).toBeLessThan(250);
  });
});

describe('reactor-blocking.check.ts', () => {
  it('reads the prediction from the trace: the nine other connections are reported at once', async () => {
    const { readyAfterStall } = await import('./reactor-blocking.check.js');
    const r = await runExample('07-reactor/reactor-blocking.ts');
    expect(readyAfterStall(r)).toMatchObject({ value: 9 });
  });
});
