import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource, calls } from '../../../tests/examples.js';

async function runScattered(name: string, reads: number) {
  const r = await sim.runSource(exampleSource(`05-async/${name}.ts`), { [sim.SIM_MODULE]: sim }, { file: `${name}.ts`, params: { reads } });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

describe('scattered-uring.ts', () => {
  it('submits and waits for every read with one io_uring_enter, through the page cache', async () => {
    const r = await runScattered('scattered-uring', 16);
    const enters = calls(r, 'io_uring_enter');
    expect(enters.length).toBe(1);
    expect(enters[0]!.ret).toBe(16);
    const devs = r.events.filter((e) => e.cat === 'device');
    expect(devs.length).toBe(16);
    expect(devs.every((d) => d.t < devs[0]!.t + devs[0]!.dur)).toBe(true);
    expect(r.end).toBeLessThan(3 * r.costs.diskLatency);
    // Buffered: each block was copied from the page cache into our buffer, on our thread.
    expect(sim.computeStats(r).bytesToUser).toBe(16 * 4096);
    const copies = r.events.filter((e) => e.cat === 'copy' && e.bytes === 4096);
    expect(copies.every((c) => c.tid === 1)).toBe(true);
  });
});
