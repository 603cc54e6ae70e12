// From a run's flat event list to the lanes a timeline draws: one lane per CPU
// (what it was doing: user, kernel, context switch, interrupts; idle is the gaps),
// one per thread (in a system call, asleep and on what, waiting for a CPU,
// computing), and one per device when a run has devices.

import type { RunResult, TraceEvent } from 'inside-io';
import { formatDuration } from 'inside-io';

export type SegmentKind = 'user' | 'kernel' | 'switch' | 'irq' | 'softirq' | 'syscall' | 'blocked' | 'runnable' | 'dma' | 'device';

export interface Segment {
  t: number;
  dur: number;
  kind: SegmentKind;
  /** Tooltip text. */
  title: string;
  /** The event this segment came from (its seq), for linking to details. */
  seq: number;
  line?: number;
}

export interface Lane {
  id: string;
  label: string;
  group: 'cpu' | 'thread' | 'device';
  segments: Segment[];
  /** Instants drawn as ticks: wakeups on thread lanes, a device's notes (overruns) on its lane. */
  marks: { t: number; title: string }[];
}

const cpuKind: Partial<Record<TraceEvent['cat'], SegmentKind>> = { user: 'user', kernel: 'kernel', sched: 'switch', irq: 'irq', softirq: 'softirq' };

export function describeEvent(e: TraceEvent): string {
  const at = `t=${formatDuration(e.t)}`;
  switch (e.cat) {
    case 'syscall': {
      const ret = e.ret === undefined ? '?' : e.errno ? `-1 ${e.errno}` : String(e.ret);
      return `${e.name}(${(e.args ?? []).join(', ')}) = ${ret}\n${at}, took ${formatDuration(e.dur)}${e.line ? `, line ${e.line}` : ''}`;
    }
    case 'wait':
      return `asleep in ${e.name} for ${formatDuration(e.dur)}\nwoken by ${e.detail?.woken_by ?? '?'} (${at})`;
    case 'sched':
      return e.cpu !== undefined ? `context switch to tid ${e.detail?.next ?? '?'} (${formatDuration(e.dur)})` : `runnable, waiting for a CPU for ${formatDuration(e.dur)}`;
    case 'copy':
      return `${e.name}: ${e.bytes} bytes in ${formatDuration(e.dur)}`;
    default: {
      const who = e.tid !== undefined ? ` for tid ${e.tid}` : '';
      return `${e.name}${who}: ${formatDuration(e.dur)} (${at})`;
    }
  }
}

export function buildLanes(r: Pick<RunResult, 'events' | 'cpus' | 'threads'>): Lane[] {
  const cpus: Lane[] = Array.from({ length: r.cpus }, (_, i) => ({ id: `cpu${i}`, label: `CPU ${i}`, group: 'cpu', segments: [], marks: [] }));
  const threads = new Map<number, Lane>();
  const devices = new Map<string, Lane>();
  for (const t of r.threads) threads.set(t.tid, { id: `tid${t.tid}`, label: `${t.name} · ${t.tid}`, group: 'thread', segments: [], marks: [] });
  const threadLane = (tid: number | undefined) => (tid === undefined ? undefined : threads.get(tid));
  const deviceLane = (name: string): Lane => {
    let lane = devices.get(name);
    if (!lane) devices.set(name, (lane = { id: `dev-${name}`, label: name, group: 'device', segments: [], marks: [] }));
    return lane;
  };
  for (const e of r.events) {
    const title = describeEvent(e);
    if (e.cpu !== undefined && cpuKind[e.cat] && e.dur > 0) {
      cpus[e.cpu]?.segments.push({ t: e.t, dur: e.dur, kind: cpuKind[e.cat]!, title, seq: e.seq });
      if (e.cat === 'user') threadLane(e.tid)?.segments.push({ t: e.t, dur: e.dur, kind: 'user', title, seq: e.seq });
      continue;
    }
    switch (e.cat) {
      case 'syscall':
        threadLane(e.tid)?.segments.push({ t: e.t, dur: Math.max(e.dur, 1), kind: 'syscall', title, seq: e.seq, line: e.line });
        break;
      case 'wait':
        threadLane(e.tid)?.segments.push({ t: e.t, dur: e.dur, kind: 'blocked', title, seq: e.seq });
        break;
      case 'sched':
        threadLane(e.tid)?.segments.push({ t: e.t, dur: e.dur, kind: 'runnable', title, seq: e.seq });
        break;
      case 'wakeup':
        threadLane(e.tid)?.marks.push({ t: e.t, title: `woken by ${e.detail?.by ?? '?'} at t=${formatDuration(e.t)}` });
        break;
      case 'dma':
      case 'device': {
        deviceLane(String(e.detail?.device ?? e.name)).segments.push({ t: e.t, dur: e.dur, kind: e.cat, title, seq: e.seq });
        break;
      }
      case 'note':
        // A device's own remarks (a sensor's overrun: a reading lost) are drawn as ticks on its lane.
        if (e.detail?.device !== undefined) {
          deviceLane(String(e.detail.device)).marks.push({ t: e.t, title: `${e.name} at t=${formatDuration(e.t)}${e.detail.message ? `: ${e.detail.message}` : ''}` });
        }
        break;
    }
  }
  // Draw long spans first so the short ones inside them (waits inside syscalls) stay on top.
  for (const lane of threads.values()) lane.segments.sort((a, b) => order(a.kind) - order(b.kind) || a.t - b.t);
  return [...cpus, ...threads.values(), ...devices.values()];
}

function order(k: SegmentKind): number {
  return k === 'syscall' ? 0 : k === 'blocked' || k === 'runnable' ? 1 : 2;
}

/** Human legend text for each kind. */
export const KIND_LABEL: Record<SegmentKind, string> = {
  user: 'user mode',
  kernel: 'kernel mode',
  switch: 'context switch',
  irq: 'hard interrupt',
  softirq: 'softirq',
  syscall: 'in a system call',
  blocked: 'asleep (blocked)',
  runnable: 'runnable, waiting for a CPU',
  dma: 'DMA transfer',
  device: 'device busy',
};
