// Answers to the predictions about elevator.ts, read from a run.
import { type RunResult } from 'inside-io';

/** Prediction: which read finishes last? */
export function lastRead(run: RunResult) {
  const done = run.output.map((o) => /at +(\d+) KiB/.exec(o.text)?.[1]).filter((x): x is string => !!x);
  const last = done[done.length - 1] ?? 'none';
  return { value: `${last} KiB`, explain: `The reads finished in this order: ${done.join(', ')} (KiB into the file).` };
}
