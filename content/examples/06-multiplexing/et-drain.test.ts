import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

describe('et-drain.ts', () => {
  it('reads each edge-triggered arrival to EAGAIN, and gets both messages', async () => {
    const r = await runExample('06-multiplexing/et-drain.ts');
    expect(calls(r, 'epoll_wait').map((e) => e.ret)).toEqual([1, 1]);
    const reads = calls(r, 'read');
    expect(reads.map((e) => (e.ret! < 0 ? e.errno : e.ret))).toEqual([32, 32, 32, 4, 'EAGAIN', 32, 32, 32, 4, 'EAGAIN']);
    // The edge-triggered item is never put back on the ready list after delivery.
    expect(r.events.some((e) => e.name === 'ready +' && String(e.detail?.why).startsWith('level-triggered'))).toBe(false);
    expect(r.output[0]!.text.trim()).toBe('read 200 bytes');
  });

  it('on a blocking pipe, the read that should say EAGAIN sleeps instead', async () => {
    const source = exampleSource('06-multiplexing/et-drain.ts').replace('await sys.pipe2(fds, O_NONBLOCK);', 'await sys.pipe2(fds, 0);');
    const r = await runExample('06-multiplexing/et-drain.ts', source);
    // The fifth read of the first message blocks in pipe_read, not in epoll_wait, until
    // the second message comes; the program then never sees an EAGAIN and blocks for ever.
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'pipe_read')).toBe(true);
    expect(calls(r, 'read').every((e) => e.errno !== 'EAGAIN')).toBe(true);
    expect(r.stop.reason).toBe('blocked');
  });
});
