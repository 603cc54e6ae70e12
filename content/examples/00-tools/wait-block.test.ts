import { describe, it, expect } from 'vitest';
import * as sim from 'inside-io';
import { exampleSource } from '../../../tests/examples.js';

describe('wait-block.ts', () => {
  it('makes one read however long the wait, sleeping through it', async () => {
    for (const wait of [10, 1000]) {
      const r = await sim.runSource(exampleSource('00-tools/wait-block.ts'), { [sim.SIM_MODULE]: sim }, { file: 'wait-block.ts', params: { wait } });
      if (!r.ok) throw new Error(r.error.message);
      expect(sim.syscalls(r.result, { name: 'read' })).toHaveLength(1);
      const sleep = r.result.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
      expect(sleep.dur).toBeGreaterThan(wait * 1000 * 0.9);
    }
  });
});
