import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('send-buffer.ts', () => {
  it('fills the peer window and the send buffer: full writes, one partial write, then EAGAIN until the peer reads', async () => {
    const r = await runExample('03-nonblocking/send-buffer.ts');
    const writes = calls(r, 'write').map((e) => (e.errno ? e.errno : e.ret));
    expect(writes).toEqual([32768, 32768, 16384, 'EAGAIN', 32768]);
    expect(calls(r, 'getsockopt').map((e) => e.args![2])).toEqual(['[16384]', '[131072]']);
    expect(r.output.map((o) => o.text.trim())).toEqual(['accepted 81920 bytes before EAGAIN', 'then write() took 32768 more']);
    // The writer never slept: a non-blocking write does not wait for room.
    expect(r.events.some((e) => e.cat === 'wait')).toBe(false);
    // The kernel's view: the writer's send queue reached its 16 KiB limit.
    const snd = r.events.filter((e) => e.cat === 'io' && e.name === 'sk buffer').map((e) => Number(e.detail!.snd));
    expect(Math.max(...snd)).toBe(16384);
  });
});
