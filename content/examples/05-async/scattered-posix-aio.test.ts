import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource, calls } from '../../../tests/examples.js';

async function runScattered(name: string, reads: number) {
  const r = await sim.runSource(exampleSource(`05-async/${name}.ts`), { [sim.SIM_MODULE]: sim }, { file: `${name}.ts`, params: { reads } });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

describe('scattered-posix-aio.ts', () => {
  it('hands the reads to one helper thread (one descriptor), which does them one by one', async () => {
    const r = await runScattered('scattered-posix-aio', 16);
    const helpers = r.threads.filter((t) => t.name === 'aio helper');
    expect(helpers.length).toBe(1);
    const preads = calls(r, 'pread64');
    expect(preads.length).toBe(16);
    expect(preads.every((e) => e.tid === helpers[0]!.tid)).toBe(true);
    // No faster than the blocking loop: the disk still sees one request at a time.
    expect(r.end).toBeGreaterThan(16 * r.costs.diskLatency);
    expect(calls(r, 'futex').filter((e) => e.tid === 1).length).toBeGreaterThan(0);
  });
});
