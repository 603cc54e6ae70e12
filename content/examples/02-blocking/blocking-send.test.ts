import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('blocking-send.ts', () => {
  it('write() sleeps in sk_stream_wait_memory while the buffers are full, and returns before the peer has read everything', async () => {
    const r = await runExample('02-blocking/blocking-send.ts');
    const w = calls(r, 'write').find((e) => e.tid === 1 && e.args![0] === '4')!;
    expect(w.ret).toBe(200_000);
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sk_stream_wait_memory');
    expect(waits.length).toBeGreaterThan(1);
    // The first sleep lasts until the receiver starts reading, 1 ms in; the receiver's read woke it.
    expect(waits[0]!.dur).toBeGreaterThan(900_000);
    expect(waits[0]!.detail!.woken_by).toBe('tid 2');
    // The send buffer was full (16 KiB) when the writer went to sleep.
    const full = r.events.find((e) => e.cat === 'io' && e.name === 'sk buffer' && e.tid === 1 && e.detail!.snd === e.detail!.sndbuf);
    expect(full).toBeDefined();
    // write() returned while the receiver still had data to read.
    const reads = calls(r, 'read').filter((e) => e.tid === 2);
    expect(reads.some((e) => e.t > w.t + w.dur)).toBe(true);
    expect(reads.reduce((a, e) => a + e.ret!, 0)).toBe(200_000);
    expect(r.output.map((o) => o.text).join('')).toMatch(/^write returned 200000 at 1\.0\d+ ms\n$/);
  });
});
