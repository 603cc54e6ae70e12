// The numbers a comparison or a scaling chart shows for one run, each computed from
// the trace alone. Keys are what chapters write in <Compare metrics> and
// <ScalingChart metric per>; "syscalls:read" counts one system call by name and
// "time:read" adds up the time spent inside it; "syscalls:select|poll|epoll_wait" (and
// "time:...") sum over several names, so programs that wait with different calls can
// be measured by one key.

import { computeStats, percentile, type RunResult } from 'inside-io';
import { metricLabels } from '../strings';

export type Unit = 'count' | 'ns' | 'bytes';

export interface MetricInfo {
  unit: Unit;
  /** Which way is better, for highlighting the best program. */
  better: 'lower' | 'higher';
}

export const METRICS = {
  duration: { unit: 'ns', better: 'lower' },
  syscalls: { unit: 'count', better: 'lower' },
  failedCalls: { unit: 'count', better: 'lower' },
  switches: { unit: 'count', better: 'lower' },
  wakeups: { unit: 'count', better: 'lower' },
  bytesCopied: { unit: 'bytes', better: 'lower' },
  cpuUser: { unit: 'ns', better: 'lower' },
  cpuSystem: { unit: 'ns', better: 'lower' },
  cpuInterrupt: { unit: 'ns', better: 'lower' },
  cpuIdle: { unit: 'ns', better: 'higher' },
  cpuBusy: { unit: 'ns', better: 'lower' },
  requests: { unit: 'count', better: 'higher' },
  p50: { unit: 'ns', better: 'lower' },
  p99: { unit: 'ns', better: 'lower' },
} satisfies Record<string, MetricInfo>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** "syscalls:" or "time:" and one system call name, or several joined by "|". */
const PER_CALL = /^(syscalls|time):[a-z_0-9]+(\|[a-z_0-9]+)*$/;

/** Is this a metric name a chapter may use? ("syscalls:<name>" counts one call, "time:<name>" the time in it.) */
export function isMetric(key: string): boolean {
  return key in METRICS || PER_CALL.test(key);
}

export function metricInfo(key: string): MetricInfo {
  if (key.startsWith('time:')) return { unit: 'ns', better: 'lower' };
  return (METRICS as Record<string, MetricInfo>)[key] ?? { unit: 'count', better: 'lower' };
}

export function metricLabel(key: string): string {
  if (key.startsWith('syscalls:')) return metricLabels.callsOf(key.slice(9).split('|'));
  if (key.startsWith('time:')) return metricLabels.timeIn(key.slice(5).split('|'));
  return (metricLabels as Record<string, unknown>)[key] as string ?? key;
}

export type Metrics = Record<string, number>;

/** Every metric of a run (latency ones are NaN when the run has no requests). */
export function runMetrics(r: Pick<RunResult, 'events' | 'end' | 'cpus'> & Partial<Pick<RunResult, 'net'>>): Metrics {
  const s = computeStats(r);
  // Requests served and their latencies, as the world's clients saw them.
  const groups = r.net?.groups ?? [];
  const latencies = groups.flatMap((g) => g.latencies);
  const m: Metrics = {
    duration: s.duration,
    syscalls: s.syscalls,
    failedCalls: Object.values(s.errors).reduce((a, b) => a + b, 0),
    switches: s.contextSwitches,
    wakeups: s.wakeups,
    bytesCopied: s.bytesToUser + s.bytesFromUser,
    cpuUser: s.cpu.user,
    cpuSystem: s.cpu.system,
    cpuInterrupt: s.cpu.irq + s.cpu.softirq,
    cpuIdle: s.cpu.idle,
    cpuBusy: s.cpu.user + s.cpu.system + s.cpu.irq + s.cpu.softirq,
    requests: groups.reduce((n, g) => n + g.responses, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
  for (const [name, n] of Object.entries(s.syscallsByName)) m[`syscalls:${name}`] = n;
  // Time inside each system call, entry to exit (sleeping included), finished calls only.
  for (const e of r.events) {
    if (e.cat !== 'syscall' || e.detail?.unfinished) continue;
    m[`time:${e.name}`] = (m[`time:${e.name}`] ?? 0) + e.dur;
  }
  return m;
}

/** A metric's value; "syscalls:a|b" and "time:a|b" add up their names (a call never made counts 0). */
function valueOf(m: Metrics, key: string): number {
  const call = /^(syscalls|time):(.+)$/.exec(key);
  if (!call) return m[key] ?? NaN;
  return call[2]!.split('|').reduce((sum, name) => sum + (m[`${call[1]}:${name}`] ?? 0), 0);
}

/** One metric of a run, divided by another ("per request") when asked. */
export function metricValue(m: Metrics, key: string, per?: string): number {
  const v = valueOf(m, key);
  if (!per) return v;
  const d = valueOf(m, per);
  return d > 0 ? v / d : NaN;
}
