// The check for the "keep the loop free" exercise (unblock.ts).
import { computeStats, type RunResult, type Verdict } from 'inside-io';

/** Goal: the 50 ms job still runs, and no answer but its own takes more than 1 ms. */
export function check(run: RunResult): Verdict {
  const user = computeStats(run).cpu.user;
  if (user < 50e6) {
    return { ok: false, message: `The program computed for ${(user / 1e6).toFixed(1)} ms in all; the slow job alone needs 50 ms. Keep the work; move it.` };
  }
  const g = run.net.groups[0];
  if (!g || g.responses < 300) {
    return { ok: false, message: `Only ${g?.responses ?? 0} requests were answered in 60 ms; a free loop answers more than 400.` };
  }
  const late = g.latencies.filter((l) => l > 1e6).length;
  if (late > 1) {
    return { ok: false, message: `${late} answers took more than 1 ms: requests from other clients waited for the slow job. Only the slow request itself may take that long.` };
  }
  if (late === 0) {
    return { ok: false, message: 'No answer took more than 1 ms: was the slow request answered at all? It must get its 50 ms answer.' };
  }
  return { ok: true, message: `The slow request took ${(Math.max(...g.latencies) / 1e6).toFixed(1)} ms; the other ${g.responses - 1} answers all came in under 1 ms.` };
}
