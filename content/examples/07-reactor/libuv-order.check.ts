// Answers to the prediction about libuv-order.ts, read from a finished run.
import type { RunResult } from 'inside-io';

/** Prediction: which runs first, the setTimeout(0) or the setImmediate? */
export function firstOfTwo(run: RunResult) {
  const lines = run.output.map((o) => o.text);
  const t = lines.findIndex((l) => l.includes('setTimeout'));
  const i = lines.findIndex((l) => l.includes('setImmediate'));
  const first = t >= 0 && (i < 0 || t < i) ? 'setTimeout' : 'setImmediate';
  return { value: first, explain: `${first} ran first: ${lines.filter((l) => /setTimeout|setImmediate/.test(l)).map((l) => l.trim()).join('; ')}.` };
}
