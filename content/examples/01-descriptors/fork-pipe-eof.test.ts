import { describe, it, expect } from 'vitest';
import { runExample, exampleSource, calls } from '../../../tests/examples.js';

describe('fork-pipe-eof.ts', () => {
  it('the parent reads the line, then 0 once the child has exited', async () => {
    const r = await runExample('01-descriptors/fork-pipe-eof.ts');
    const reads = calls(r, 'read').filter((e) => e.pid === 1);
    expect(reads.map((e) => e.ret)).toEqual([24, 0]);
    // The child (pid 2) wrote through its own descriptor 4.
    const w = calls(r, 'write').find((e) => e.pid === 2)!;
    expect(w.args![0]).toBe('4');
    // The last read slept until the child's exit dropped the last writer.
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'pipe_read');
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(r.output.map((o) => o.text).join('')).toBe('parent read 24 bytes: one line from the child\nend of file: no writer is left\n');
  });

  it('without the parent closing its write end, the reader never sees end of file', async () => {
    const src = exampleSource('01-descriptors/fork-pipe-eof.ts').replace('  await sys.close(p[1]);\n', '');
    const r = await runExample('01-descriptors/fork-pipe-eof.ts', src);
    expect(r.stop.reason).toBe('blocked');
    expect(r.stop.message).toContain('pipe_read');
  });
});
