import { describe, it, expect } from 'vitest';
import { ms } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('reactor-timers.ts', () => {
  it('sleeps in epoll_wait no longer than until the nearest deadline, then closes the silent connections', async () => {
    const r = await runExample('07-reactor/reactor-timers.ts');
    const waits = calls(r, 'epoll_wait');
    // The first wait has no deadline to respect (-1); once connections exist, the timeout is finite.
    expect(waits[0]!.args![3]).toBe('-1');
    expect(waits.slice(2).every((e) => e.args![3] !== '-1')).toBe(true);
    // Some waits ended because their timeout ran out (returned 0), not because of I/O.
    const timedOut = waits.filter((e) => e.ret === 0);
    expect(timedOut.length).toBeGreaterThanOrEqual(1);
    // The two silent connections (accepted 5 and 7) are closed a little after 3 ms; the active ones never.
    const closes = calls(r, 'close');
    expect(closes.map((e) => e.args![0])).toEqual(['5', '7']);
    for (const c of closes) {
      expect(c.t).toBeGreaterThan(ms(3));
      expect(c.t).toBeLessThan(ms(4.2));
    }
    expect(r.output.map((o) => o.text).join('')).toMatch(/^closed connection 5: silent for 3\.\d\d ms\nclosed connection 7: silent for 3\.\d\d ms\n$/);
    // The active clients kept being answered until the end.
    const g = r.net.groups[0]!;
    expect(g.responses).toBeGreaterThanOrEqual(14);
    expect(g.reset).toBe(0);
  });
});
