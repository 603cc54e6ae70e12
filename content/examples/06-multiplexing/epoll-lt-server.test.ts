import { describe, it, expect } from 'vitest';
import { computeStats, formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('epoll-lt-server.ts', () => {
  it('registers each connection once; epoll_wait only looks at the ready list, and re-queues what it reported', async () => {
    const r = await runExample('06-multiplexing/epoll-lt-server.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(100);
    expect(g.responses).toBeGreaterThan(200);
    expect(g.requests - g.responses).toBeLessThanOrEqual(10);

    // The interest set: the listener and 100 connections, each added once.
    const io = (name: string, why?: string) => r.events.filter((e) => e.cat === 'io' && e.name === name && (!why || e.detail?.why === why));
    expect(io('epoll add')).toHaveLength(101);
    expect(calls(r, 'epoll_ctl')).toHaveLength(101);
    // No scans: readiness arrives by ep_poll_callback, from the wait queue of the socket that got data.
    expect(io('select scan').length + io('poll scan').length).toBe(0);
    expect(io('ready +', 'ep_poll_callback').length).toBeGreaterThan(200);
    // Level-triggered: every delivered item goes back on the ready list, and is dropped
    // on the next call if it is no longer ready.
    const delivered = io('ready -', 'delivered').length;
    expect(io('ready +', 'level-triggered: checked again next time')).toHaveLength(delivered);
    expect(io('ready -', 'not ready any more').length).toBeGreaterThan(delivered - 5);
    expect(r.events.some((e) => e.cat === 'wait' && e.name === 'ep_poll')).toBe(true);
    expect(formatStrace(r.events)).toMatch(/epoll_wait\(4, \[\{events=EPOLLIN, data=\{u32=\d+, u64=\d+\}\}\], 64, -1\) = 1/);

    // Against the select() server on the same world: far less time in the kernel.
    const sel = await runExample('06-multiplexing/select-server.ts');
    expect(computeStats(r).cpu.system * 2).toBeLessThan(computeStats(sel).cpu.system);
  });
});
