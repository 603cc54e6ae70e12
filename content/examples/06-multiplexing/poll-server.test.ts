import { describe, it, expect } from 'vitest';
import { formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('poll-server.ts', () => {
  it('poll() keeps its array between calls, but each call still copies and polls every entry', async () => {
    const r = await runExample('06-multiplexing/poll-server.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(100);
    expect(g.responses).toBeGreaterThan(200);
    expect(g.requests - g.responses).toBeLessThanOrEqual(10);

    const scans = r.events.filter((e) => e.cat === 'io' && e.name === 'poll scan');
    expect(Math.max(...scans.map((e) => e.detail!.fds as number))).toBe(101);
    expect(scans.filter((e) => e.t > 15_000_000).every((e) => e.detail!.fds === 101)).toBe(true);
    expect(r.events.some((e) => e.cat === 'wait' && e.name === 'do_poll')).toBe(true);

    // 101 pollfds of 8 bytes go in on every call.
    const polls = calls(r, 'poll');
    const late = polls.filter((e) => e.t > 15_000_000);
    expect(late.every((e) => e.args![1] === '101' && e.args![2] === '-1')).toBe(true);
    const copies = r.events.filter((e) => e.cat === 'copy' && e.name === 'copy_from_user' && e.bytes === 808);
    expect(copies.length).toBeGreaterThanOrEqual(late.length);
    expect(formatStrace(r.events)).toMatch(/poll\(\[\{fd=3, events=POLLIN\}, \{fd=4, events=POLLIN\}.*\], 101, -1\) = 1 \(\[\{fd=\d+, revents=POLLIN\}\]\)/);
  });
});
