import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('lowest-free.ts', () => {
  it('hands out the lowest free descriptor: 3 and 4, then 5, then 3 again after close(3)', async () => {
    const r = await runExample('01-descriptors/lowest-free.ts');
    expect(calls(r, 'pipe2')[0]!.args![0]).toBe('[3, 4]');
    expect(calls(r, 'socket')[0]!.ret).toBe(5);
    expect(calls(r, 'close')[0]!.args).toEqual(['3']);
    expect(calls(r, 'dup')[0]!.ret).toBe(3);
    expect(r.output.map((o) => o.text).join('')).toBe('pipe: 3 and 4; socket: 5; dup(5) gave 3\n');
  });
});
