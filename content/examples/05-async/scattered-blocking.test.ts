import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource, calls } from '../../../tests/examples.js';

async function runScattered(name: string, reads: number) {
  const r = await sim.runSource(exampleSource(`05-async/${name}.ts`), { [sim.SIM_MODULE]: sim }, { file: `${name}.ts`, params: { reads } });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

describe('scattered-blocking.ts', () => {
  it('makes one pread per block, each waiting for the disk before the next starts', async () => {
    const r = await runScattered('scattered-blocking', 16);
    const preads = calls(r, 'pread64');
    expect(preads.length).toBe(16);
    expect(preads.every((e) => e.ret === 4096)).toBe(true);
    const devs = r.events.filter((e) => e.cat === 'device');
    expect(devs.length).toBe(16);
    for (let i = 1; i < 16; i++) expect(devs[i]!.t).toBeGreaterThan(devs[i - 1]!.t + devs[i - 1]!.dur);
    // Every read waits a whole disk access: the time grows with the number of reads.
    expect(r.end).toBeGreaterThan(16 * r.costs.diskLatency);
    const four = await runScattered('scattered-blocking', 4);
    expect(calls(four, 'pread64').length).toBe(4);
    expect(four.end).toBeLessThan(r.end / 3);
  });
});
