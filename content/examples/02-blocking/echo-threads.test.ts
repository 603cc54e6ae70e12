import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('echo-threads.ts', () => {
  it('one thread per connection, each sleeping in read() until its client sends; every request is echoed', async () => {
    const r = await runExample('02-blocking/echo-threads.ts');
    expect(r.threads.map((t) => t.name)).toEqual(['main', 'conn 4', 'conn 5', 'conn 6']);
    expect(calls(r, 'accept').map((e) => e.ret)).toEqual([4, 5, 6]);
    for (const t of r.threads.slice(1)) {
      const reads = calls(r, 'read').filter((e) => e.tid === t.tid);
      // Two 64-byte requests, then end of file.
      expect(reads.map((e) => e.ret)).toEqual([64, 64, 0]);
      // The thread slept in sk_wait_data between requests (the client thinks for 300 µs).
      const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === t.tid && e.name === 'sk_wait_data');
      expect(waits.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...waits.map((w) => w.dur))).toBeGreaterThan(300_000);
    }
    // The main thread slept in accept() between connections.
    expect(r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'inet_csk_wait_for_connect').length).toBeGreaterThanOrEqual(2);
    const g = r.net.groups[0]!;
    expect(g).toMatchObject({ connected: 3, requests: 6, responses: 6, reset: 0 });
    // Each answer took two trips over the 50 µs network, plus the server's few microseconds.
    for (const l of g.latencies) {
      expect(l).toBeGreaterThan(100_000);
      expect(l).toBeLessThan(120_000);
    }
    expect(r.output.map((o) => o.text).join('')).toBe(
      'connection 4: echoed 128 bytes\nconnection 5: echoed 128 bytes\nconnection 6: echoed 128 bytes\n',
    );
  });
});
