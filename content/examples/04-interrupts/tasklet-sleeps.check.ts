// The prediction about tasklet-sleeps.ts: what happens when a tasklet sleeps.
import type { RunResult } from 'inside-io';

export const OUTCOMES = [
  'all five readings arrive, each 100 µs later',
  'the kernel moves the tasklet to a kworker thread',
  'BUG: scheduling while atomic',
] as const;

/** Prediction: what happens at the first reading? */
export function outcome(run: RunResult) {
  if (run.stop.reason === 'bug' && /scheduling while atomic/.test(run.stop.message)) {
    const bug = run.events.find((e) => e.name === 'BUG: scheduling while atomic');
    const count = /0x[0-9a-f]{8}/.exec(String(bug?.detail?.message ?? ''))?.[0] ?? '?';
    return {
      value: OUTCOMES[2],
      explain: `At ${(run.stop.line ? `line ${run.stop.line}, ` : '')}the tasklet called msleep() in softirq context, preempt count ${count}: 0x100 means "serving a softirq". A tasklet has no thread of its own to put to sleep.`,
    };
  }
  if (run.threads.some((t) => t.name.startsWith('kworker'))) return { value: OUTCOMES[1], explain: 'A kworker thread ran the bottom half.' };
  return { value: OUTCOMES[0], explain: `The run ended: ${run.stop.message}` };
}
