// Virtual time. Every instant in the simulator is a whole number of nanoseconds
// since boot, held in a JavaScript number (exact up to 2^53 ns, about 104 days).

export type Nanoseconds = number;

export const ns = (n: number): Nanoseconds => Math.round(n);
export const us = (n: number): Nanoseconds => Math.round(n * 1_000);
export const ms = (n: number): Nanoseconds => Math.round(n * 1_000_000);
export const sec = (n: number): Nanoseconds => Math.round(n * 1_000_000_000);

/** Human-readable duration: "850 ns", "12.5 µs", "3.20 ms", "1.000 s". */
export function formatDuration(t: Nanoseconds): string {
  const a = Math.abs(t);
  if (a < 1_000) return `${t} ns`;
  if (a < 1_000_000) return `${trim(t / 1_000)} µs`;
  if (a < 1_000_000_000) return `${trim(t / 1_000_000)} ms`;
  return `${trim(t / 1_000_000_000)} s`;
}

function trim(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return String(Number(x.toFixed(digits)));
}
