// Answers to the predictions about aio-overlap.ts, read from a run.
import { syscalls, type RunResult } from 'inside-io';

/** Prediction: how long does io_getevents() take, once the 300 µs of work are done? */
export function reapTime(run: RunResult) {
  const [reap] = syscalls(run, { name: 'io_getevents' });
  if (!reap) return { value: 'not called', explain: 'The program did not call io_getevents().' };
  const us = reap.dur / 1000;
  const value = us < 5 ? 'almost no time' : us < 150 ? 'about 100 µs' : 'about 220 µs';
  return { value, explain: `io_getevents() took ${us < 1 ? `${reap.dur} ns` : `${us.toFixed(1)} µs`}: the read had completed while the program worked.` };
}
