import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('blocking-connect.ts', () => {
  it('the first connect completes at once; the second SYN is dropped and connect sleeps until the retransmission 1 s later', async () => {
    const r = await runExample('02-blocking/blocking-connect.ts');
    const connects = calls(r, 'connect').sort((a, b) => a.tid! - b.tid!);
    expect(connects.map((e) => e.ret)).toEqual([0, 0]);
    expect(connects[0]!.dur).toBeLessThan(20_000);
    expect(connects[1]!.dur).toBeGreaterThanOrEqual(1_000_000_000);
    expect(connects[1]!.dur).toBeLessThan(1_000_100_000);
    expect(r.events.some((e) => e.cat === 'note' && e.name === 'SYN dropped')).toBe(true);
    const wait = r.events.find((e) => e.cat === 'wait' && e.name === 'inet_wait_for_connect')!;
    expect(wait.tid).toBe(3);
    // The retransmission timer, not a thread, completed the handshake and woke it.
    expect(wait.detail!.woken_by).toBe('kernel');
    // The server's second accept() slept until that connection arrived.
    const accepts = calls(r, 'accept');
    expect(accepts.map((e) => e.ret)).toEqual([6, 7]);
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'inet_csk_wait_for_connect')).toBe(true);
    expect(r.output.map((o) => o.text)).toEqual(['first client: connect() took 6.54 µs\n', 'second client: connect() took 1 s\n']);
  });
});
