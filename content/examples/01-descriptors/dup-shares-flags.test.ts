import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('dup-shares-flags.ts', () => {
  it('O_NONBLOCK set through one descriptor applies to its dup; FD_CLOEXEC does not', async () => {
    const r = await runExample('01-descriptors/dup-shares-flags.ts');
    expect(calls(r, 'dup')[0]!.ret).toBe(5);
    const read = calls(r, 'read')[0]!;
    expect(read.args![0]).toBe('5');
    expect(read.ret).toBe(-1);
    expect(read.errno).toBe('EAGAIN');
    // The read never slept: no wait event at all.
    expect(r.events.filter((e) => e.cat === 'wait')).toEqual([]);
    const getfd = calls(r, 'fcntl').filter((e) => e.args![1] === 'F_GETFD');
    expect(getfd.map((e) => [e.args![0], e.ret])).toEqual([['3', 1], ['5', 0]]);
    expect(r.output.map((o) => o.text).join('')).toBe(
      'read(5) returned -1 (EAGAIN): the flag set on 3 applies to 5\nFD_CLOEXEC: 3 has 1, 5 has 0\n',
    );
  });
});
