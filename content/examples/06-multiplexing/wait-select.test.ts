// The assertions for this program are in wait-cost.test.ts, with its two siblings.
import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('wait-select.ts', () => {
  it('makes 20 calls, each finding the one ready descriptor', async () => {
    const r = await runExample('06-multiplexing/wait-select.ts');
    expect(calls(r, 'select').map((e) => e.ret)).toEqual(Array(20).fill(1));
    expect(calls(r, 'read').map((e) => e.ret)).toEqual(Array(20).fill(1));
  });
});
