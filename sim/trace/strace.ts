// The trace as strace -f -ttt -T would print it: one line per system call (at its
// start time, with its duration), plus signals and exits.

import type { TraceEvent } from './event.js';
import { strerrorByName } from './errno-text.js';
import { fcntlRet } from './format-args.js';

export interface StraceOptions {
  /** Only these thread ids. */
  tids?: ReadonlySet<number>;
}

/** Seconds with nanosecond digits, like strace -ttt but finer. */
export function straceTime(ns: number): string {
  return (ns / 1e9).toFixed(9);
}

export function straceLine(e: TraceEvent): string | null {
  const who = `[pid ${String(e.tid ?? e.pid ?? 0).padStart(4)}]`;
  const at = straceTime(e.t);
  if (e.cat === 'syscall') {
    const call = `${e.name}(${(e.args ?? []).join(', ')})`;
    let ret: string;
    if (e.ret === undefined) ret = '?';
    else if (e.errno) ret = `-1 ${e.errno} (${strerrorByName(e.errno)})`;
    else if (e.name === 'fcntl') ret = fcntlRet(e.args?.[1], e.ret);
    else ret = String(e.ret);
    if (e.retNote && !e.errno) ret += ` (${e.retNote})`;
    return `${who} ${at} ${call} = ${ret} <${straceTime(e.dur)}>`;
  }
  if (e.cat === 'note') {
    if (e.name.startsWith('--- ')) return `${who} ${at} ${e.name}`;
    if (e.name === 'process exit') return `${who} ${at} +++ exited with ${e.detail?.status ?? 0} +++`;
    if (e.name === 'process killed') return `${who} ${at} +++ ${e.detail?.by ?? 'killed'} +++`;
  }
  return null;
}

export function formatStrace(events: readonly TraceEvent[], opts: StraceOptions = {}): string {
  const picked = events.filter((e) => (e.cat === 'syscall' || e.cat === 'note') && (!opts.tids || opts.tids.has(e.tid ?? -1)));
  picked.sort((a, b) => a.t - b.t || a.seq - b.seq);
  const lines: string[] = [];
  for (const e of picked) {
    const l = straceLine(e);
    if (l) lines.push(l);
  }
  return lines.join('\n');
}
