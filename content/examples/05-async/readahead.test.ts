import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('readahead.ts', () => {
  it('reads ahead in growing windows so that the sequential reader stops waiting', async () => {
    const r = await runExample('05-async/readahead.ts');
    const sizes = r.events.filter((e) => e.cat === 'device').map((e) => e.detail!.bytes);
    // 32 KiB for the first 16 KiB read, then 64 KiB and 128 KiB (read_ahead_kb), to the end of the file.
    expect(sizes).toEqual([32768, 65536, 131072, 131072, 131072, 32768]);
    expect(sizes.reduce((a, b) => (a as number) + (b as number), 0)).toBe(512 * 1024);
    // 33 read() calls (the last returns 0); only the first few wait for the disk.
    const reads = calls(r, 'read');
    expect(reads.length).toBe(33);
    const waits = r.events.filter((e) => e.cat === 'wait' && e.name === 'folio_wait_locked');
    expect(waits.length).toBe(3);
    // After the ramp-up the reader never waits again: the last windows arrive while it computes.
    const late = r.events.filter((e) => e.cat === 'device').slice(4);
    for (const dev of late) expect(waits.every((w) => w.t + w.dur <= dev.t)).toBe(true);
    expect(r.output[0]!.text).toBe('32 reads, 3 of them waited for the disk\n');
  });
});
