// The exercise on irq-handler-slow.ts: make the top half as slow as it can be, at
// least half a millisecond, without losing a single reading.
import type { RunResult, Verdict } from 'inside-io';

export function check(run: RunResult): Verdict {
  const lost = run.events.filter((e) => e.name === 'sensor0: overrun').length;
  const tops = run.events.filter((e) => e.cat === 'irq' && e.name.endsWith(': sensor0'));
  const longest = Math.max(0, ...tops.map((e) => e.dur));
  const ms = (ns: number) => `${(ns / 1e6).toFixed(3)} ms`;
  if (lost > 0) return { ok: false, message: `${lost} reading${lost === 1 ? ' was' : 's were'} overwritten before the top half read ${lost === 1 ? 'it' : 'them'} (the longest top half took ${ms(longest)}).` };
  const got = run.output.map((o) => o.text).join('').split('\n').filter((l) => l.startsWith('temperature:')).length;
  if (got < 10) return { ok: false, message: `No reading was lost, but the program printed only ${got} of 10 (${run.stop.message}).` };
  if (longest < 500_000) return { ok: false, message: `No reading lost, but the longest top half took only ${ms(longest)}: make it at least 0.5 ms, as long as the sensor's period.` };
  return { ok: true, message: `All ten readings arrived with top halves of ${ms(longest)}, longer than the 0.5 ms between readings.` };
}
