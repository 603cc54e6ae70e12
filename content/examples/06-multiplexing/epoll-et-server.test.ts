import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('epoll-et-server.ts', () => {
  it('edge-triggered: each arrival is reported once, so every event is read until EAGAIN', async () => {
    const r = await runExample('06-multiplexing/epoll-et-server.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(100);
    expect(g.responses).toBeGreaterThan(200);
    expect(g.requests - g.responses).toBeLessThanOrEqual(10);

    const io = (name: string, why?: string) => r.events.filter((e) => e.cat === 'io' && e.name === name && (!why || e.detail?.why === why));
    // Nothing is put back on the ready list after it is reported.
    expect(io('ready +', 'level-triggered: checked again next time')).toHaveLength(0);
    expect(io('ready -', 'not ready any more')).toHaveLength(0);
    expect(io('ready -', 'delivered').length).toBe(calls(r, 'epoll_wait').reduce((n, e) => n + (e.ret ?? 0), 0));

    // A 100-byte request takes two 64-byte reads, and a third that says EAGAIN.
    const reads = calls(r, 'read');
    const eagain = reads.filter((e) => e.errno === 'EAGAIN');
    expect(reads.filter((e) => e.ret === 64).length).toBeGreaterThanOrEqual(g.responses);
    expect(reads.filter((e) => e.ret === 36).length).toBeGreaterThanOrEqual(g.responses);
    expect(eagain.length).toBeGreaterThanOrEqual(g.responses);
    // The listener is drained too: each burst of accept4() ends in EAGAIN.
    const accepts = calls(r, 'accept4');
    expect(accepts.filter((e) => e.ret! >= 0)).toHaveLength(100);
    expect(accepts.filter((e) => e.errno === 'EAGAIN').length).toBeGreaterThan(0);
  });
});
