// The trace in Chrome's Trace Event format, which Perfetto (ui.perfetto.dev) and
// chrome://tracing open. CPUs appear as one process with a track per CPU; each
// simulated thread keeps its own pid/tid.

import type { TraceEvent } from './event.js';
import { CPU_CATEGORIES } from './event.js';

interface ChromeEvent {
  name: string;
  cat: string;
  ph: 'X' | 'i' | 'M';
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  s?: 't';
  args?: Record<string, unknown>;
}

const CPU_PID = 1_000_000;

export function toChromeTrace(run: { events: readonly TraceEvent[]; cpus: number; threads: { tid: number; pid: number; name: string }[] }): string {
  const out: ChromeEvent[] = [];
  out.push({ name: 'process_name', cat: '__metadata', ph: 'M', ts: 0, pid: CPU_PID, tid: 0, args: { name: 'CPUs' } });
  for (let c = 0; c < run.cpus; c++) out.push({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: CPU_PID, tid: c, args: { name: `CPU ${c}` } });
  for (const t of run.threads) out.push({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: t.pid, tid: t.tid, args: { name: t.name } });
  for (const e of run.events) {
    const onCpu = CPU_CATEGORIES.has(e.cat) && e.cpu !== undefined;
    const args: Record<string, unknown> = { ...(e.detail ?? {}) };
    if (e.args) args.args = e.args.join(', ');
    if (e.ret !== undefined) args.ret = e.ret;
    if (e.errno) args.errno = e.errno;
    if (e.bytes !== undefined) args.bytes = e.bytes;
    if (e.line !== undefined) args.line = e.line;
    if (e.tid !== undefined && onCpu) args.tid = e.tid;
    const base = {
      name: e.name,
      cat: e.cat,
      ts: e.t / 1000,
      pid: onCpu ? CPU_PID : (e.pid ?? 0),
      tid: onCpu ? e.cpu! : (e.tid ?? e.cpu ?? 0),
      args,
    };
    if (e.dur > 0) out.push({ ...base, ph: 'X', dur: e.dur / 1000 });
    else out.push({ ...base, ph: 'i', s: 't' });
  }
  return JSON.stringify({ traceEvents: out, displayTimeUnit: 'ns' });
}
