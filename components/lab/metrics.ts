// The numbers a comparison or a scaling chart shows for one run, each computed from
// the trace alone. Keys are what chapters write in <Compare metrics> and
// <ScalingChart metric per>; "syscalls:read" counts one system call by name.

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

/** Is this a metric name a chapter may use? ("syscalls:<name>" counts one call.) */
export function isMetric(key: string): boolean {
  return key in METRICS || /^syscalls:[a-z_0-9]+$/.test(key);
}

export function metricInfo(key: string): MetricInfo {
  return (METRICS as Record<string, MetricInfo>)[key] ?? { unit: 'count', better: 'lower' };
}

export function metricLabel(key: string): string {
  if (key.startsWith('syscalls:')) return metricLabels.callsOf(key.slice(9));
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
  return m;
}

/** One metric of a run, divided by another ("per request") when asked. */
export function metricValue(m: Metrics, key: string, per?: string): number {
  const v = m[key] ?? (key.startsWith('syscalls:') ? 0 : NaN);
  if (!per) return v;
  const d = m[per] ?? (per.startsWith('syscalls:') ? 0 : NaN);
  return d > 0 ? v / d : NaN;
}
