// Answers to the prediction about libuv-phases.ts, read from a finished run.
import type { RunResult } from 'inside-io';

/** Prediction: in which order do the four callbacks scheduled in the read callback run? */
export function callbackOrder(run: RunResult) {
  const names: [string, RegExp][] = [
    ['setTimeout', /setTimeout/],
    ['setImmediate', /setImmediate/],
    ['promise', /promise/],
    ['nextTick', /nextTick/],
  ];
  const lines = run.output.map((o) => o.text);
  const order = names
    .map(([name, re]) => ({ name, at: lines.findIndex((l) => re.test(l)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.name);
  return { value: order.join(', '), explain: `The output shows: ${order.join(', then ')}.` };
}
