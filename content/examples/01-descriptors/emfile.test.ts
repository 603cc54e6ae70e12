import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('emfile.ts', () => {
  it('descriptors 3 to 7 are handed out, then socket() fails with EMFILE', async () => {
    const r = await runExample('01-descriptors/emfile.ts');
    const socks = calls(r, 'socket');
    expect(socks.map((e) => e.ret)).toEqual([3, 4, 5, 6, 7, -1]);
    expect(socks.at(-1)!.errno).toBe('EMFILE');
    expect(r.output.map((o) => o.text).join('')).toBe(
      'soft limit 1024, hard limit 524288\nsocket() failed with EMFILE after 5 new sockets\n',
    );
  });
});
