import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('libuv-phases.ts', () => {
  it('runs callbacks in libuv phase order, with nextTick and microtasks right after the I/O callback', async () => {
    const r = await runExample('07-reactor/libuv-phases.ts');
    expect(r.output.map((o) => o.text.trim())).toEqual([
      'prepare: just before poll',
      'close:  the prepare handle is closed',
      'poll:   the read callback (10 bytes)',
      'process.nextTick',
      'a promise callback',
      'check:  setImmediate',
      'timers: setTimeout 0',
    ]);
    const phases = r.events.filter((e) => e.cat === 'note' && e.detail?.source === 'trace_marker').map((e) => e.name);
    // The read callback's iteration: poll, then check (setImmediate), then timers later.
    const i = phases.lastIndexOf('uv: check');
    expect(phases[i - 1]).toBe('uv: poll');
    expect(phases.indexOf('uv: timers')).toBeGreaterThan(i);
    // The file was read by a pool thread, not by the loop's thread.
    const [pread] = calls(r, 'pread64');
    expect(r.threads.find((t) => t.tid === pread!.tid)!.name).toBe('libuv-worker');
    expect(r.threads.filter((t) => t.name === 'libuv-worker').length).toBe(4);
  });
});
