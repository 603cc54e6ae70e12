// The check for the read-all exercise.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: the receiver (main thread) reads all 10,000 bytes before printing "got 10000 bytes". */
export function check(run: RunResult): Verdict {
  const out = run.output.map((o) => o.text).join('');
  const reads = [...syscalls(run, { name: 'read', tid: 1 }), ...syscalls(run, { name: 'recvfrom', tid: 1 })];
  const total = reads.reduce((n, e) => n + Math.max(0, e.ret ?? 0), 0);
  if (!out.includes('got 10000 bytes')) {
    const first = reads[0]?.ret;
    return { ok: false, message: `The receiver printed "${out.trim() || 'nothing'}". Its first read returned ${first ?? 'nothing'} bytes: only what had arrived by then. It got ${total} of 10,000 bytes in all.` };
  }
  return { ok: true, message: `All 10,000 bytes in ${reads.length} call${reads.length === 1 ? '' : 's'}; ${reads.filter((e) => run.events.some((w) => w.cat === 'wait' && w.tid === 1 && w.t >= e.t && w.t < e.t + e.dur)).length} of them had to sleep.` };
}
