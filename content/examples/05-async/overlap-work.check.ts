// The check for the "overlap the waiting and the work" exercise.
import { type RunResult, type Verdict } from 'inside-io';

const expected = [
  'piece at 1 MiB starts "0016384"',
  'piece at 2 MiB starts "0032768"',
  'piece at 3 MiB starts "0049152"',
  'piece at 4 MiB starts "0065536"',
];

/** Goal: the four pieces, correctly read and worked on, in under 1 ms. */
export function check(run: RunResult): Verdict {
  const lines = run.output.map((o) => o.text.trim()).filter((l) => l.startsWith('piece'));
  const missing = expected.filter((l) => !lines.includes(l));
  if (missing.length > 0) return { ok: false, message: `${missing.length} of the four pieces are missing or wrong, e.g. expected: ${missing[0]}` };
  const work = run.events.filter((e) => e.cat === 'user').reduce((s, e) => s + e.dur, 0);
  if (work < 4 * 150_000) return { ok: false, message: 'Each piece still needs its 150 µs of work.' };
  const ms = run.end / 1e6;
  if (ms >= 1) {
    const busyDisk = run.events.filter((e) => e.cat === 'device' || e.cat === 'dma').reduce((s, e) => s + e.dur, 0);
    return { ok: false, message: `The run took ${ms.toFixed(2)} ms; the goal is under 1 ms. The disk was busy for ${(busyDisk / 1e6).toFixed(2)} ms and the CPU worked for ${(work / 1e6).toFixed(2)} ms: they took turns instead of overlapping.` };
  }
  return { ok: true, message: `Done in ${ms.toFixed(2)} ms: the disk read the next pieces while the CPU worked on the ones that had arrived.` };
}
