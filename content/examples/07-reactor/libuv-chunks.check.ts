// The check for the "don't block the event loop" exercise (libuv-chunks.ts).
import { computeStats, type RunResult, type Verdict } from 'inside-io';

/** Goal: the 50 ms of work is done, and no answer but the big job's own takes more than 10 ms. */
export function check(run: RunResult): Verdict {
  const user = computeStats(run).cpu.user;
  if (user < 50e6) {
    return { ok: false, message: `The program computed for ${(user / 1e6).toFixed(1)} ms in all; the job needs 50 ms. Keep the work: change where or when it runs.` };
  }
  const g = run.net.groups[0];
  if (!g || g.responses < 100) {
    return { ok: false, message: `Only ${g?.responses ?? 0} of the 120 requests were answered: was an answer forgotten?` };
  }
  const late = g.latencies.filter((l) => l > 10e6);
  if (late.length > 1) {
    return { ok: false, message: `${late.length} answers took more than 10 ms (the longest ${(Math.max(...late) / 1e6).toFixed(1)} ms): other clients waited behind the job. Only the job's own answer may be that slow.` };
  }
  const worst = [...g.latencies].sort((a, b) => b - a)[1] ?? 0;
  return { ok: true, message: `All 50 ms of work done; apart from the job's own answer, the slowest took ${(worst / 1e6).toFixed(2)} ms.` };
}
