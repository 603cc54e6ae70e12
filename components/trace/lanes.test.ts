import { describe, it, expect } from 'vitest';
import { buildLanes } from './lanes.js';
import { runExample } from '../../tests/examples.js';

describe('timeline lanes', () => {
  it("draw a device's notes (a sensor's overruns) as ticks on the device's lane", async () => {
    const r = await runExample('04-interrupts/irq-handler-slow.ts');
    const lane = buildLanes(r).find((l) => l.group === 'device' && l.label === 'sensor0')!;
    expect(lane.segments.length).toBe(10); // ten readings taken
    expect(lane.marks.length).toBe(5); // five of them lost
    expect(lane.marks.every((m) => /^sensor0: overrun at t=.*: reading \d+ was overwritten/.test(m.title))).toBe(true);
  });
});
