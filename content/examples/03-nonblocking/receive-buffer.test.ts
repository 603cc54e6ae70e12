import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('receive-buffer.ts', () => {
  it('shows the four answers of a non-blocking read: EAGAIN, short, full, and 0 at end of file', async () => {
    const r = await runExample('03-nonblocking/receive-buffer.ts');
    const reads = calls(r, 'read').map((e) => (e.errno ? e.errno : e.ret));
    expect(reads).toEqual(['EAGAIN', 5, 8, 8, 'EAGAIN', 0]);
    const fionread = calls(r, 'ioctl').map((e) => e.args![2]);
    expect(fionread).toEqual(['[16]', '[8]']);
    expect(r.output.map((o) => o.text.trim())).toEqual(['read 5: "hello"', 'read 8: "a longer"', 'read 8: " message"', 'read 0: end of file']);
    // Every read returned at once: no thread ever slept.
    expect(r.events.some((e) => e.cat === 'wait')).toBe(false);
    // The receive buffer's level, as the kernel saw it after each change (trace category 'io').
    const levels = r.events.filter((e) => e.cat === 'io' && e.name === 'sk buffer' && String(e.detail?.sock).length > 0).map((e) => e.detail!.rcv);
    expect(levels).toContain(16);
  });
});
