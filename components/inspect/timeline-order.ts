// The trace is recorded in completion order (a sleep is recorded when it ends); views
// that ask "what was true at time T" want it in start-time order. Sorted once per run.

import type { TraceEvent } from 'inside-io';

const cache = new WeakMap<readonly TraceEvent[], TraceEvent[]>();

export function byTime(events: readonly TraceEvent[]): TraceEvent[] {
  let sorted = cache.get(events);
  if (!sorted) {
    sorted = [...events].sort((a, b) => a.t - b.t || a.seq - b.seq);
    cache.set(events, sorted);
  }
  return sorted;
}

/** Index of the first event starting after `t` in a start-time-ordered list. */
export function upperBound(sorted: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
