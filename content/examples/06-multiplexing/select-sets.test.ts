import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('select-sets.ts', () => {
  it('select blocks until a pipe is readable and hands back a set holding only the ready descriptor', async () => {
    const r = await runExample('06-multiplexing/select-sets.ts');
    const selects = calls(r, 'select');
    expect(selects).toHaveLength(2);
    // Both calls watch descriptors 3, 5 and 7 (nfds 8), and each comes back with one.
    for (const s of selects) {
      expect(s.args).toEqual(['8', '[3 5 7]', 'NULL', 'NULL', 'NULL']);
      expect(s.ret).toBe(1);
    }
    expect(selects[0]!.retNote).toBe('in [5]');
    expect(selects[1]!.retNote).toBe('in [7]');
    // The first call slept about 100 µs, until the peer wrote.
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'do_select');
    expect(waits).toHaveLength(2);
    expect(waits[0]!.dur).toBeGreaterThan(95_000);
    expect(waits[0]!.detail?.woken_by).toBe('tid 2');
    // Every call scans all three descriptors twice: before sleeping (registering on
    // each pipe's wait queue) and after the wakeup (not registering again).
    const scans = r.events.filter((e) => e.name === 'select scan');
    expect(scans.map((e) => [e.detail?.fds, e.detail?.registered, e.detail?.ready])).toEqual([
      [3, 3, 0], [3, 0, 1], [3, 3, 0], [3, 0, 1],
    ]);
    // Only the ready descriptors were read.
    expect(calls(r, 'read').map((e) => e.args![0])).toEqual(['5', '7']);
    expect(r.output.map((o) => o.text.trim())).toEqual([
      'round 1: 1 ready; fd 5: hello on the second pipe',
      'round 2: 1 ready; fd 7: hello on the third pipe',
    ]);
  });
});
