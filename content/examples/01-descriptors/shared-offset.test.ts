import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('shared-offset.ts', () => {
  it('a dup shares its original\'s offset; a second open() has its own', async () => {
    const r = await runExample('01-descriptors/shared-offset.ts');
    expect(calls(r, 'openat').map((e) => e.ret)).toEqual([3, 4]);
    expect(calls(r, 'dup')[0]!.ret).toBe(5);
    expect(calls(r, 'read').map((e) => `${e.args![0]}:${e.args![1]}`)).toEqual(['3:"abcde"', '5:"fghij"', '4:"abcde"']);
    // The file was in the page cache: no read had to wait for the disk.
    expect(r.events.filter((e) => e.cat === 'wait')).toEqual([]);
    expect(r.output.map((o) => o.text).join('')).toBe('read(3) -> "abcde"\nread(5) -> "fghij"\nread(4) -> "abcde"\n');
  });
});
