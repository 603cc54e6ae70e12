import { describe, it, expect } from 'vitest';
import { formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('select-server.ts', () => {
  it('one thread serves 100 connections; every select() call scans all of them to find the few that are ready', async () => {
    const r = await runExample('06-multiplexing/select-server.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(100);
    expect(g.responses).toBeGreaterThan(200);
    expect(g.requests - g.responses).toBeLessThanOrEqual(10);
    expect(r.threads).toHaveLength(1);

    // Each call copies the sets in and scans every descriptor below nfds: the listener and every connection.
    const scans = r.events.filter((e) => e.cat === 'io' && e.name === 'select scan');
    expect(Math.max(...scans.map((e) => e.detail!.fds as number))).toBe(101);
    const late = scans.filter((e) => e.t > 15_000_000);
    expect(late.every((e) => e.detail!.fds === 101)).toBe(true);
    expect(late.every((e) => (e.detail!.ready as number) <= 2)).toBe(true);
    // The first pass registers on the wait queues of the descriptors before the first ready one;
    // when nothing is ready, on all of them, and the thread sleeps in do_select.
    expect(late.some((e) => e.detail!.registered === 101)).toBe(true);
    expect(r.events.some((e) => e.cat === 'wait' && e.name === 'do_select')).toBe(true);
    const selects = calls(r, 'select');
    expect(selects.length).toBeGreaterThan(300);
    expect(r.events.filter((e) => e.cat === 'copy' && e.name === 'copy_from_user').length).toBeGreaterThanOrEqual(selects.length);

    // strace shows the set going in and what came out.
    expect(formatStrace(r.events)).toMatch(/select\(104, \[3 4 5 .* 103\], NULL, NULL, NULL\) = 1 \(in \[\d+\]\)/);
  });
});
