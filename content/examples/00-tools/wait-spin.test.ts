import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource } from '../../../tests/examples.js';

const runWith = async (wait: number) => {
  const r = await sim.runSource(exampleSource('00-tools/wait-spin.ts'), { [sim.SIM_MODULE]: sim }, { file: 'wait-spin.ts', params: { wait } });
  if (!r.ok) throw new Error(r.error.message);
  return r.result;
};

describe('wait-spin.ts', () => {
  it('spins longer, with more failed reads, the longer the data takes', async () => {
    const short = await runWith(10);
    const long = await runWith(1000);
    const eagain = (r: sim.RunResult) => sim.syscalls(r, { name: 'read', errno: 'EAGAIN' }).length;
    expect(eagain(short)).toBeGreaterThan(3);
    expect(eagain(long)).toBeGreaterThan(eagain(short) * 50);
    expect(long.stop.reason).toBe('exit');
    expect(long.events.some((e) => e.cat === 'wait' && e.tid === 1)).toBe(false);
  });
});
