// Questions asked of a finished run, in the words of a reader: how many read calls,
// how many failed with EAGAIN, how many requests the clients got answers to. Used by
// exercise checks and predictions (content/examples/*.check.ts), tests and views.

import type { TraceEvent } from './event.js';

/** What an exercise check returns: did the run meet the goal, and why (or why not) in words. */
export interface Verdict {
  ok: boolean;
  message: string;
}

export interface CallFilter {
  /** A syscall name, or several. */
  name?: string | string[];
  /** Only this thread. */
  tid?: number;
  /** Only calls that failed with this errno ("EAGAIN"); `true` for any failure, `false` for successes only. */
  errno?: string | boolean;
  /** Only calls made from this line of the program. */
  line?: number;
}

/** The system calls of a run, in time order, optionally filtered. */
export function syscalls(run: { events: readonly TraceEvent[] }, filter: CallFilter = {}): TraceEvent[] {
  const names = filter.name === undefined ? null : new Set(Array.isArray(filter.name) ? filter.name : [filter.name]);
  const out = run.events.filter((e) => {
    if (e.cat !== 'syscall') return false;
    if (names && !names.has(e.name)) return false;
    if (filter.tid !== undefined && e.tid !== filter.tid) return false;
    if (filter.line !== undefined && e.line !== filter.line) return false;
    if (filter.errno === true && !e.errno) return false;
    if (filter.errno === false && e.errno) return false;
    if (typeof filter.errno === 'string' && e.errno !== filter.errno) return false;
    return true;
  });
  return out.sort((a, b) => a.t - b.t || a.seq - b.seq);
}

/**
 * Requests answered, as the simulated clients saw them: events named 'request done'
 * (detail.latency in ns, from the request's first byte sent to the response's last
 * byte received), which the remote peers of a workload record.
 */
export function requestsDone(run: { events: readonly TraceEvent[] }): TraceEvent[] {
  return run.events.filter((e) => e.name === 'request done');
}

/** The p-th percentile (0–100) of some numbers, nearest-rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
