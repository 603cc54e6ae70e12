// The answer to the prediction about two-readers.ts, read from a run.
import { syscalls, type RunResult } from 'inside-io';

/** How many of the two readers did the single write() wake? */
export function readersWoken(run: RunResult) {
  const readers = run.threads.filter((t) => t.name.startsWith('reader'));
  const woken = readers.filter((t) => run.events.some((e) => e.cat === 'wakeup' && e.tid === t.tid));
  const returned = readers.filter((t) => syscalls(run, { name: 'read', tid: t.tid }).length > 0);
  const value = woken.length === 2 ? 'both' : woken.length === 1 ? 'one' : 'neither';
  return {
    value,
    explain: `${woken.length} reader${woken.length === 1 ? '' : 's'} woke, and ${returned.length} returned from read(). Pipe readers sleep as exclusive waiters, so a wakeup goes to the first of them only; the other is still asleep when the program ends.`,
  };
}
