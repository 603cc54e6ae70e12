// The prediction and the exercise about send-buffer.ts: how many bytes the
// non-blocking writer gets in before write() first answers EAGAIN.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Bytes that the main thread's write()s accepted before the first EAGAIN, or null if none came. */
function acceptedBefore(run: RunResult): { bytes: number; writes: number } | null {
  const writes = syscalls(run, { name: 'write', tid: 1 });
  const first = writes.findIndex((e) => e.errno === 'EAGAIN');
  if (first < 0) return null;
  const before = writes.slice(0, first).filter((e) => (e.ret ?? -1) > 0);
  return { bytes: before.reduce((s, e) => s + e.ret!, 0), writes: before.length };
}

/** Prediction: how many bytes does write() accept before it first returns EAGAIN? */
export function acceptedBeforeEagain(run: RunResult) {
  const a = acceptedBefore(run);
  if (!a) return { value: 0, explain: 'write() never returned EAGAIN in this run.' };
  return {
    value: a.bytes,
    explain: `${a.writes} write() calls took ${a.bytes.toLocaleString('en-US')} bytes before the first EAGAIN: the reader's window (half of its 131,072-byte receive buffer) plus the writer's 16,384-byte send buffer.`,
  };
}

/** Exercise: make write() answer EAGAIN after fewer than 40,000 bytes. */
export function check(run: RunResult): Verdict {
  const a = acceptedBefore(run);
  if (!a) return { ok: false, message: 'write() never returned EAGAIN: the writer must still fill the buffers until the kernel says "not now".' };
  if (a.bytes >= 40_000) {
    return { ok: false, message: `write() accepted ${a.bytes.toLocaleString('en-US')} bytes before its first EAGAIN; the goal is fewer than 40,000. Which buffers add up to that number?` };
  }
  return { ok: true, message: `write() answered EAGAIN after ${a.bytes.toLocaleString('en-US')} bytes: smaller buffers fill sooner.` };
}
