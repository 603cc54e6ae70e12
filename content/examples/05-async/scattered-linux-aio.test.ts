import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource, calls } from '../../../tests/examples.js';

async function runScattered(name: string, reads: number) {
  const r = await sim.runSource(exampleSource(`05-async/${name}.ts`), { [sim.SIM_MODULE]: sim }, { file: `${name}.ts`, params: { reads } });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
}

describe('scattered-linux-aio.ts', () => {
  it('submits every read with one io_submit and the disk serves them together; no data is copied', async () => {
    const r = await runScattered('scattered-linux-aio', 16);
    const [submit] = calls(r, 'io_submit');
    expect(submit!.ret).toBe(16);
    const devs = r.events.filter((e) => e.cat === 'device');
    expect(devs.length).toBe(16);
    expect(devs.every((d) => d.t < devs[0]!.t + devs[0]!.dur)).toBe(true);
    expect(r.end).toBeLessThan(3 * r.costs.diskLatency);
    // O_DIRECT: the disk's DMA wrote into our buffers; only the 16 io_events (32 bytes each) were copied.
    expect(sim.computeStats(r).bytesToUser).toBe(16 * 32);
    expect(sim.computeStats(r).syscalls).toBe(6);
  });
});
