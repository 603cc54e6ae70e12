import { describe, it, expect } from 'vitest';
import { runExample, exampleSource } from '../../../tests/examples.js';

const sectorsOf = (r: Awaited<ReturnType<typeof runExample>>) =>
  r.events.filter((e) => e.cat === 'device').map((e) => e.detail!.sector as number);

describe('elevator.ts', () => {
  it('merges the two touching reads and serves the rest in elevator order, one at a time', async () => {
    const r = await runExample('05-async/elevator.ts');
    const devs = r.events.filter((e) => e.cat === 'device');
    // Six reads, five requests: the read at 51204 KiB joined the one at 51200 KiB.
    expect(devs.length).toBe(5);
    const merged = devs.find((e) => e.detail!.bios === 2)!;
    expect(merged.name).toBe('READ 8 KiB @ sector 104448');
    // The first request went at once; then upwards from there (35840, 51200 KiB), then from the bottom (5120, 10240 KiB).
    expect(sectorsOf(r)).toEqual([43008, 73728, 104448, 12288, 22528]);
    // A hard disk takes one command at a time: no two requests overlap.
    for (let i = 1; i < devs.length; i++) expect(devs[i]!.t).toBeGreaterThanOrEqual(devs[i - 1]!.t + devs[i - 1]!.dur);
    // Each request ends with the disk's interrupt and a BLOCK softirq that wakes the reader.
    expect(r.events.filter((e) => e.cat === 'irq' && e.name === 'irq 24: sda').length).toBe(5);
    expect(r.events.filter((e) => e.cat === 'wait' && e.detail?.woken_by === 'BLOCK').length).toBe(6);
    const lines = r.output.map((o) => /at +(\d+)/.exec(o.text)![1]);
    expect(lines).toEqual(['20480', '35840', '51200', '51204', '5120', '10240']);
  });

  it('with the "none" scheduler the disk gets them first come, first served', async () => {
    const src = exampleSource('05-async/elevator.ts').replace("scheduler: 'mq-deadline'", "scheduler: 'none'");
    const r = await runExample('05-async/elevator.ts', src);
    expect(sectorsOf(r)).toEqual([43008, 104448, 12288, 73728, 22528]);
  });
});
