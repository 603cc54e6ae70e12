// The trace view's model, without a browser: lanes, steps, narration, counters at a time.
import { describe, it, expect } from 'vitest';
import { runExample } from '../../tests/examples.js';
import { buildModel, firstVisible } from './model';
import { Stepper, type Cursor } from './stepper';
import { narrate } from './describe';
import { countersAt } from './counters-at';
import { computeStats, type Category } from 'inside-io';

const ALL = new Set<Category>(['syscall', 'copy', 'sched', 'wait', 'wakeup', 'irq', 'softirq', 'dma', 'device', 'io', 'note']);

describe('trace view model', () => {
  it('has a lane per CPU and thread, with spans sorted by start', async () => {
    const m = buildModel(await runExample('02-blocking/blocking-read.ts'));
    expect(m.lanes.map((l) => l.label)).toEqual(['CPU 0', 'CPU 1', 'main · 1', 'writer · 2']);
    for (const l of m.lanes) for (const { track } of l.tracks) for (let i = 1; i < track.n; i++) expect(track.start[i]!).toBeGreaterThanOrEqual(track.start[i - 1]!);
    const strip = m.lanes[2]!.tracks.find((t) => t.role === 'strip')!.track;
    expect(firstVisible(strip, m.end)).toBeLessThanOrEqual(strip.n);
    expect(m.byLine.get(20)!.map((i) => m.run.events[i]!.name)).toEqual(['read']);
  });

  it('steps through every event forward, then backward through the same ones', async () => {
    const m = buildModel(await runExample('03-nonblocking/busy-poll.ts'));
    const s = new Stepper(m);
    s.setFilter(ALL, new Set());
    const fwd: Cursor[] = [];
    for (let c = s.first(); c; c = s.next(c)) fwd.push(c);
    expect(fwd.length).toBe(s.list.length);
    const back: Cursor[] = [];
    for (let c: Cursor | null = fwd.at(-1)!; c; c = s.prev(c)) back.push(c);
    expect(back.reverse()).toEqual(fwd);
    // Times never go backward along the way.
    for (let i = 1; i < fwd.length; i++) expect(fwd[i]!.t).toBeGreaterThanOrEqual(fwd[i - 1]!.t);
  });

  it('narrates an EAGAIN in words', async () => {
    const m = buildModel(await runExample('03-nonblocking/busy-poll.ts'));
    const e = m.sorted.find((x) => x.errno === 'EAGAIN')!;
    expect(narrate(e, m)).toMatch(/^t=[\d.]+ µs: main \(thread 1\) calls read\(3, "", 64\) — nothing to do without waiting: returns -1 EAGAIN \(Resource temporarily unavailable\)$/);
  });

  it('counts at the end of the run what the whole run counts', async () => {
    const r = await runExample('02-blocking/blocking-read.ts');
    const m = buildModel(r);
    const c = countersAt(m, r.end);
    const s = computeStats(r);
    expect(c.syscalls).toBe(s.syscalls);
    expect(c.switches).toBe(s.contextSwitches);
    expect(c.user).toBe(s.cpu.user);
    expect(c.system).toBe(s.cpu.system);
    expect(countersAt(m, 0).syscalls).toBe(0);
  });
});
