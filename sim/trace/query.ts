// Questions asked of a finished run, in the words of a reader: how many read calls,
// how many failed with EAGAIN, made by which thread, from which line. Used by exercise
// checks and predictions (content/examples/*.check.ts), tests and views. (Requests
// served and their latencies are in the run's network report, run.net.)

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
