// The trace, indexed for drawing and stepping. Built once per run: every lane's spans
// in typed arrays sorted by start (so a frame finds what is visible by binary search
// and a 100,000-event trace draws in a few milliseconds), and the list of events the
// cursor steps through, in time order.

import type { RunResult, TraceEvent, Category } from 'inside-io';
import { byTime } from '../inspect/timeline-order';

/** What a span means; drawn with its own colour and pattern. */
export const KINDS = ['user', 'kernel', 'switch', 'irq', 'softirq', 'syscall', 'runnable', 'blocked', 'dma', 'device', 'copy'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<Kind, number>;

/** A row of spans inside a lane (a thread lane has a syscall strip above its state band). */
export interface Track {
  start: Float64Array;
  end: Float64Array;
  kind: Uint8Array;
  /** Index into run.events. */
  ev: Int32Array;
  /** Longest span, to find the first one that can reach into a window. */
  maxDur: number;
  n: number;
}

export interface LaneModel {
  id: string;
  label: string;
  group: 'cpu' | 'thread' | 'device';
  tid?: number;
  cpu?: number;
  /** Drawn in order: later tracks on top. A thread's 'strip' holds its system calls above its state 'band'; 'under' its copies, below. */
  tracks: { role: 'band' | 'strip' | 'under'; track: Track }[];
  /** Instants drawn as ticks (wakeups): times and event indexes. */
  marks: { t: number; ev: number }[];
}

export interface TraceModel {
  run: RunResult;
  lanes: LaneModel[];
  /** Events in start order. */
  sorted: TraceEvent[];
  /** Position of each event (by index in run.events) in `sorted`. */
  order: Int32Array;
  /** The run's span of time. */
  end: number;
  /** Events made from each line of the program. */
  byLine: Map<number, number[]>;
  threadName: Map<number, string>;
  /** Kinds that occur in some lane (for the legend). */
  kindsPresent: Set<Kind>;
}

/** Categories the cursor can stop at; CPU user/kernel slices are states, not events. */
export const STEP_CATEGORIES: ReadonlySet<Category> = new Set(['syscall', 'copy', 'sched', 'wait', 'wakeup', 'irq', 'softirq', 'dma', 'device', 'io', 'note']);

class TrackBuilder {
  private s: number[] = [];
  private e: number[] = [];
  private k: number[] = [];
  private v: number[] = [];
  add(start: number, dur: number, kind: Kind, ev: number): void {
    this.s.push(start);
    this.e.push(start + dur);
    this.k.push(KIND_INDEX[kind]);
    this.v.push(ev);
  }
  build(): Track {
    const n = this.s.length;
    const { s, e, k, v } = this;
    // Spans arrive in completion order, which for one lane is almost always start order:
    // sort only when it is not (a 100,000-span sort costs far more than this check).
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (s[i]! < s[i - 1]! || (s[i] === s[i - 1] && e[i]! > e[i - 1]!)) sorted = false;
    const idx = sorted ? null : Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a]! - s[b]! || e[b]! - e[a]!);
    const t: Track = { start: new Float64Array(n), end: new Float64Array(n), kind: new Uint8Array(n), ev: new Int32Array(n), maxDur: 0, n };
    let maxDur = 0;
    for (let i = 0; i < n; i++) {
      const j = idx ? idx[i]! : i;
      t.start[i] = s[j]!;
      t.end[i] = e[j]!;
      t.kind[i] = k[j]!;
      t.ev[i] = v[j]!;
      if (e[j]! - s[j]! > maxDur) maxDur = e[j]! - s[j]!;
    }
    t.maxDur = maxDur;
    return t;
  }
}

const CPU_KIND: Partial<Record<Category, Kind>> = { user: 'user', kernel: 'kernel', sched: 'switch', irq: 'irq', softirq: 'softirq' };

export function buildModel(run: RunResult): TraceModel {
  const ev = run.events;
  const threadName = new Map(run.threads.map((t) => [t.tid, t.name]));
  const cpuWork = Array.from({ length: run.cpus }, () => new TrackBuilder());
  const cpuIrq = Array.from({ length: run.cpus }, () => new TrackBuilder());
  const threads = new Map<number, { strip: TrackBuilder; band: TrackBuilder; over: TrackBuilder; under: TrackBuilder; marks: { t: number; ev: number }[] }>();
  const devices = new Map<string, TrackBuilder>();
  const thread = (tid: number) => {
    let th = threads.get(tid);
    if (!th) threads.set(tid, (th = { strip: new TrackBuilder(), band: new TrackBuilder(), over: new TrackBuilder(), under: new TrackBuilder(), marks: [] }));
    return th;
  };
  for (const t of run.threads) thread(t.tid);
  const byLine = new Map<number, number[]>();
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i]!;
    if (e.line !== undefined && e.cat === 'syscall') {
      let list = byLine.get(e.line);
      if (!list) byLine.set(e.line, (list = []));
      list.push(i);
    }
    const ck = CPU_KIND[e.cat];
    if (e.cpu !== undefined && ck && e.dur > 0) {
      (ck === 'irq' || ck === 'softirq' ? cpuIrq : cpuWork)[e.cpu]?.add(e.t, e.dur, ck, i);
      if ((ck === 'user' || ck === 'kernel') && e.tid !== undefined) thread(e.tid).band.add(e.t, e.dur, ck, i);
      continue;
    }
    switch (e.cat) {
      case 'syscall':
        if (e.tid !== undefined) thread(e.tid).strip.add(e.t, Math.max(e.dur, 1), 'syscall', i);
        break;
      case 'copy':
        if (e.tid !== undefined) thread(e.tid).under.add(e.t, Math.max(e.dur, 1), 'copy', i);
        break;
      case 'wait':
        if (e.tid !== undefined && e.dur > 0) thread(e.tid).over.add(e.t, e.dur, 'blocked', i);
        break;
      case 'sched':
        if (e.tid !== undefined && e.dur > 0) thread(e.tid).over.add(e.t, e.dur, 'runnable', i);
        break;
      case 'wakeup':
        if (e.tid !== undefined) thread(e.tid).marks.push({ t: e.t, ev: i });
        break;
      case 'dma':
      case 'device': {
        const name = String(e.detail?.device ?? e.name);
        let d = devices.get(name);
        if (!d) devices.set(name, (d = new TrackBuilder()));
        d.add(e.t, Math.max(e.dur, 1), e.cat, i);
        break;
      }
    }
  }
  const lanes: LaneModel[] = [];
  for (let c = 0; c < run.cpus; c++) {
    lanes.push({ id: `cpu${c}`, label: `CPU ${c}`, group: 'cpu', cpu: c, tracks: [{ role: 'band', track: cpuWork[c]!.build() }, { role: 'band', track: cpuIrq[c]!.build() }], marks: [] });
  }
  for (const [tid, th] of threads) {
    const name = threadName.get(tid) ?? `tid ${tid}`;
    lanes.push({
      id: `tid${tid}`,
      label: `${name} · ${tid}`,
      group: 'thread',
      tid,
      tracks: [{ role: 'band', track: th.band.build() }, { role: 'band', track: th.over.build() }, { role: 'strip', track: th.strip.build() }, { role: 'under', track: th.under.build() }],
      marks: th.marks.sort((a, b) => a.t - b.t),
    });
  }
  for (const [name, d] of devices) lanes.push({ id: `dev-${name}`, label: name, group: 'device', tracks: [{ role: 'band', track: d.build() }], marks: [] });
  const sorted = byTime(ev);
  const order = new Int32Array(ev.length);
  // An event's seq is its index in the run's list (the recorder numbers them so).
  const bySeq = ev.every((e, i) => e.seq === i);
  if (bySeq) sorted.forEach((e, i) => (order[e.seq] = i));
  else {
    const pos = new Map<TraceEvent, number>();
    sorted.forEach((e, i) => pos.set(e, i));
    ev.forEach((e, i) => (order[i] = pos.get(e)!));
  }
  const kindsPresent = new Set<Kind>();
  for (const l of lanes) for (const { track } of l.tracks) for (let i = 0; i < track.n && kindsPresent.size < KINDS.length; i++) kindsPresent.add(KINDS[track.kind[i]!]!);
  return { run, lanes, sorted, order, end: Math.max(run.end, 1), byLine, threadName, kindsPresent };
}

/** First span index whose end may reach `t` (spans are sorted by start). */
export function firstVisible(track: Track, t: number): number {
  let lo = 0;
  let hi = track.n;
  const from = t - track.maxDur;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (track.start[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
