// The answer to the prediction about blocking-connect.ts, read from a run.
import { syscalls, type RunResult } from 'inside-io';

/** How long did the second client's connect() take? */
export function secondConnect(run: RunResult) {
  const tid = run.threads.find((t) => t.name === 'second client')?.tid;
  const c = syscalls(run, { name: 'connect', tid })[0];
  if (!c) return { value: 'it never returns', explain: 'The second connect() was still asleep when the run stopped.' };
  const d = c.dur;
  const value = d < 100_000 ? 'a few microseconds' : d < 500_000_000 ? 'about 200 ms' : d < 2_000_000_000 ? 'about 1 s' : 'it never returns';
  const dropped = run.events.some((e) => e.cat === 'note' && e.name === 'SYN dropped');
  return {
    value,
    explain: `The second connect() took ${(d / 1e6).toFixed(d < 1e6 ? 3 : 0)} ms.${dropped ? ' Its first SYN found the accept queue full and was dropped; the client sent it again after 1 s, when the queue had room.' : ''}`,
  };
}
