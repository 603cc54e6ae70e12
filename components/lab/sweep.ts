// A sweep: run several programs once per value of one parameter and keep one number
// per run (the cost per operation a <ScalingChart> plots). Runs in Node at build time
// and in the browser's worker; only the numbers are kept, not the traces.

import { runSet, type ProgramSpec, type WorldChoice } from './run-set';
import { runMetrics, metricValue } from './metrics';

export interface SweepSpec {
  programs: ProgramSpec[];
  /** A parameter the programs declare, or a world field ("cpus", "costs.contextSwitch"). */
  param: string;
  values: number[];
  /** The metric plotted, e.g. "cpuBusy" or "syscalls:read". */
  metric: string;
  /** Divide by this metric, e.g. "requests" for a cost per request. */
  per?: string;
  world?: WorldChoice;
}

export interface SweepPoint {
  x: number;
  /** NaN when the run failed or the divisor was 0. */
  y: number;
  /** How the run stopped when it did not finish normally ('cap', 'time', 'blocked'...), or an error message. */
  note?: string;
}

export interface SweepSeries {
  points: SweepPoint[];
}

export async function runSweep(
  spec: SweepSpec,
  onProgress?: (done: number, total: number) => void,
  /** The kernel's heartbeat during each run (the browser's watchdog listens to it). */
  heartbeat?: (now: number, events: number) => void,
): Promise<SweepSeries[]> {
  const series: SweepSeries[] = spec.programs.map(() => ({ points: [] }));
  const total = spec.values.length * spec.programs.length;
  let done = 0;
  onProgress?.(0, total);
  for (const x of spec.values) {
    const runs = await runSet(spec.programs, { world: spec.world, set: { [spec.param]: x }, progress: heartbeat });
    runs.forEach((r, i) => {
      if (!r.ok) {
        series[i]!.points.push({ x, y: NaN, note: r.error.message });
        return;
      }
      const y = metricValue(runMetrics(r.result), spec.metric, spec.per);
      const stop = r.result.stop.reason;
      // A server that runs until the world's time limit says so (// @expect-stop time):
      // stopping that way is its normal end, not a run cut short.
      series[i]!.points.push(stop === expectedStop(spec.programs[i]!.source) ? { x, y } : { x, y, note: stop });
    });
    done += spec.programs.length;
    onProgress?.(done, total);
  }
  return series;
}

/** How a program says its runs end: `// @expect-stop time` (or cap, blocked...); 'exit' by default. */
export function expectedStop(source: string): string {
  return /@expect-stop (\w+)/.exec(source)?.[1] ?? 'exit';
}
