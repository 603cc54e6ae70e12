// The three wait-*.ts programs are one experiment: `watched` descriptors, one of them
// ready on every call. These tests check what each call does, and how its time grows.
import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

async function run(mech: 'select' | 'poll' | 'epoll', watched: number, active = 1) {
  const path = `06-multiplexing/wait-${mech}.ts`;
  const r = await runExample(path, exampleSource(path).replace('watched: 100, active: 1', `watched: ${watched}, active: ${active}`));
  expect(r.stop.reason).toBe('exit');
  const name = mech === 'epoll' ? 'epoll_wait' : mech;
  const waits = calls(r, name);
  expect(waits).toHaveLength(20);
  for (const w of waits) expect(w.ret).toBe(active);
  const time = waits.reduce((a, e) => a + e.dur, 0);
  return { r, perCall: time / waits.length, perEvent: time / (20 * active) };
}

describe('wait-select.ts, wait-poll.ts, wait-epoll.ts', () => {
  it('select and poll scan every watched descriptor on every call, and register on every wait queue up to the ready one (here the last)', async () => {
    for (const mech of ['select', 'poll'] as const) {
      const { r } = await run(mech, 100);
      const scans = r.events.filter((e) => e.name === `${mech} scan`);
      expect(scans).toHaveLength(20); // one pass per call: the ready descriptor is found at once
      for (const s of scans) expect(s.detail).toMatchObject({ fds: 100, ready: 1, registered: 100 });
    }
  });

  it('epoll_wait touches only the ready list: one item, however many are watched', async () => {
    const { r } = await run('epoll', 100);
    expect(calls(r, 'epoll_ctl')).toHaveLength(100); // registration: once per descriptor, before the loop
    const delivered = r.events.filter((e) => e.name === 'ready -' && e.detail?.why === 'delivered');
    expect(delivered).toHaveLength(20);
  });

  it('select and poll time per call grows with the number watched; epoll_wait time stays flat', async () => {
    const t: Record<string, number[]> = {};
    for (const mech of ['select', 'poll', 'epoll'] as const) t[mech] = [(await run(mech, 10)).perCall, (await run(mech, 1000)).perCall];
    for (const mech of ['select', 'poll']) {
      expect(t[mech]![1]! / t[mech]![0]!).toBeGreaterThan(50); // 100 times the descriptors: about 80 times the time
      expect(t[mech]![1]!).toBeGreaterThan(100 * t.epoll![1]!);
    }
    expect(t.epoll![1]).toBe(t.epoll![0]);
  });

  it('with every descriptor active, the cost per event of select and poll falls below epoll_wait\'s', async () => {
    const one: Record<string, number> = {};
    const all: Record<string, number> = {};
    for (const mech of ['select', 'poll', 'epoll'] as const) {
      one[mech] = (await run(mech, 100, 1)).perEvent;
      all[mech] = (await run(mech, 100, 100)).perEvent;
    }
    // One active of 100: select pays for 100 descriptors per event, epoll for one.
    expect(one.select! / one.epoll!).toBeGreaterThan(30);
    // All 100 active: select's scan is shared by 100 events, and it stops registering
    // at the first ready descriptor; epoll still re-polls and copies each event.
    expect(all.select!).toBeLessThan(all.epoll!);
    expect(all.poll!).toBeLessThan(all.epoll!);
    const { r } = await run('select', 100, 100);
    for (const s of r.events.filter((e) => e.name === 'select scan')) expect(s.detail).toMatchObject({ fds: 100, ready: 100, registered: 1 });
  });
});
