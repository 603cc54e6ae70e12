// Axes for charts: linear or logarithmic scales and their tick values.

export interface Scale {
  log: boolean;
  min: number;
  max: number;
  /** Value → 0..1 along the axis. */
  at(v: number): number;
  ticks: number[];
}

/** 1, 2 or 5 × 10^n steps covering [min, max]. */
export function linearTicks(min: number, max: number, approx = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / approx;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  // From the last step at or below min to the first at or above max, so the data sits inside.
  const out: number[] = [];
  const last = Math.ceil(max / step - 1e-9) * step;
  for (let v = Math.floor(min / step + 1e-9) * step; v <= last + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Powers of ten (with 2 and 5 between them when the range is short). */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const mult = hi - lo <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) for (const m of mult) {
    const v = m * 10 ** e;
    if (v >= min * 0.999 && v <= max * 1.001) out.push(Number(v.toPrecision(12)));
  }
  return out;
}

/** Log helps when all values are positive and span at least `ratio` (two decades by default). */
export function wantsLog(values: number[], ratio = 50): boolean {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length > 1 && v.every((x) => x > 0) && Math.max(...v) / Math.min(...v) >= ratio;
}

export function makeScale(values: number[], log: boolean, fromZero = false): Scale {
  const v = values.filter((x) => Number.isFinite(x) && (!log || x > 0));
  if (v.length === 0) return { log, min: 0, max: 1, at: () => 0, ticks: [0, 1] };
  if (log) {
    const min = 10 ** Math.floor(Math.log10(Math.min(...v)));
    const max = 10 ** Math.ceil(Math.log10(Math.max(...v)));
    const lmin = Math.log10(min);
    const span = Math.max(1e-9, Math.log10(max) - lmin);
    return { log, min, max, at: (x) => (Math.log10(Math.max(x, min)) - lmin) / span, ticks: logTicks(min, max) };
  }
  let min = fromZero ? Math.min(0, ...v) : Math.min(...v);
  let max = Math.max(...v);
  if (max === min) max = min + Math.max(1, Math.abs(min));
  const ticks = linearTicks(min, max);
  min = Math.min(min, ticks[0]!);
  max = Math.max(max, ticks[ticks.length - 1]!);
  return { log, min, max, at: (x) => (x - min) / (max - min), ticks };
}
