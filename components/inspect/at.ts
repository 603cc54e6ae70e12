// Which moment a static inspector shows: a chapter says at="line:20" (halfway through
// the first system call made by line 20: while it waits, if it waits),
// "line:20:start" or "line:20:end" (when it starts or returns), a time such as
// "250us" or "1.2ms", or "end" (the default: just before the program's exit closes
// its descriptors, or the end of the run).

import type { RunResult } from 'inside-io';

const UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9 };

export function resolveAt(at: string | number | undefined, run: Pick<RunResult, 'events' | 'end'>): number {
  if (typeof at === 'number') return at;
  const spec = (at ?? 'end').trim();
  if (spec === 'end') {
    const exit = run.events.find((e) => e.cat === 'note' && e.name === 'process exit' && e.pid === 1);
    return exit ? Math.max(0, exit.t - 1) : run.end;
  }
  const line = /^line:(\d+)(?::(start|end))?$/.exec(spec);
  if (line) {
    const n = Number(line[1]);
    const call = run.events.filter((e) => e.cat === 'syscall' && e.line === n).sort((a, b) => a.t - b.t)[0];
    if (!call) throw new Error(`at="${spec}": no system call was made from line ${n}.`);
    if (line[2] === 'end') return call.t + call.dur;
    if (line[2] === 'start') return call.t;
    return call.t + Math.floor(call.dur / 2);
  }
  const time = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)$/.exec(spec);
  if (time) return Math.round(Number(time[1]) * UNITS[time[2]!]!);
  throw new Error(`at="${spec}": use "end", "line:N", "line:N:start", "line:N:end" or a time such as "250us".`);
}
