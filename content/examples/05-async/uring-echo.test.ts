import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('uring-echo.ts', () => {
  it('echoes every request with no accept, recv or send system call', async () => {
    const r = await runExample('05-async/uring-echo.ts');
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(8);
    expect(g.responses).toBe(40);
    const names = new Set(calls(r).map((e) => e.name));
    expect([...names].sort()).toEqual(['bind', 'close', 'io_uring_enter', 'io_uring_setup', 'listen', 'mmap', 'socket']);
    // 8 accepts, 40 receives, 40 sends and 8 end-of-file receives, in far fewer kernel entries.
    const enters = calls(r, 'io_uring_enter');
    expect(enters.length).toBeLessThan(8 + 40 + 40 + 8);
    // The server sleeps in io_uring_enter waiting for completions, woken by the network.
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1);
    expect(waits.every((e) => e.name === 'io_cqring_wait')).toBe(true);
  });
});
