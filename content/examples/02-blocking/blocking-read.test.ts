import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('blocking-read.ts', () => {
  it('the reader sleeps on the pipe until the writer wakes it, and gets the data', async () => {
    const r = await runExample('02-blocking/blocking-read.ts');
    const read = calls(r, 'read')[0]!;
    expect(read.tid).toBe(1);
    expect(read.ret).toBe(22);
    expect(read.line).toBe(20);
    // It blocked for about as long as the writer computed.
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('pipe_read');
    expect(wait.dur).toBeGreaterThan(190_000);
    expect(wait.detail?.woken_by).toBe('tid 2');
    // While it slept, its CPU was idle: the main thread used almost no CPU time.
    const s = computeStats(r);
    expect(s.cpu.user).toBe(200_000);
    expect(s.cpu.system).toBeLessThan(30_000);
    expect(r.output.map((o) => o.text).join('')).toBe('read returned 22: hello from the writer\n');
  });
});
