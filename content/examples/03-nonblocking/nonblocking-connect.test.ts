import { describe, it, expect } from 'vitest';
import { formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('nonblocking-connect.ts', () => {
  it('EINPROGRESS, EALREADY, then poll for POLLOUT and read SO_ERROR: 0 after the retransmitted SYN, ECONNREFUSED for a closed port', async () => {
    const r = await runExample('03-nonblocking/nonblocking-connect.ts');
    const connects = calls(r, 'connect').map((e) => (e.errno ? e.errno : e.ret));
    expect(connects).toEqual([0, 'EINPROGRESS', 'EALREADY', 'EINPROGRESS']);
    // The non-blocking connect returned in microseconds although the handshake took a second.
    const c = calls(r, 'connect')[1]!;
    expect(c.dur).toBeLessThan(10_000);
    const [p1, p2] = calls(r, 'poll');
    expect(p1!.dur).toBeGreaterThan(990_000_000); // asleep until the SYN went again, 1 s after the first
    expect(p2!.dur).toBeLessThan(10_000);
    const log = formatStrace(r.events);
    expect(log).toContain('revents=POLLOUT}]');
    expect(log).toContain('revents=POLLOUT|POLLERR|POLLHUP}]');
    expect(log).toContain('SO_ERROR, [0], [4]) = 0');
    expect(log).toContain('SO_ERROR, [ECONNREFUSED], [4]) = 0');
    expect(r.output.map((o) => o.text.trim())).toEqual(['port 7000: connected', 'port 7001: refused']);
    // While poll slept, the thread was off the CPU.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1 && e.dur > 990_000_000)).toBe(true);
  });
});
