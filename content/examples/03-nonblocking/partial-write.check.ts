// The exercise on partial-write.ts: every byte must reach the reader, from a writer
// that stays non-blocking and does not spin.
import { syscalls, type RunResult, type Verdict } from 'inside-io';

const TOTAL = 200_000;

export function check(run: RunResult): Verdict {
  const out = run.output.map((o) => o.text).join('');
  const got = Number(/received (\d+) bytes/.exec(out)?.[1] ?? NaN);
  if (Number.isNaN(got)) return { ok: false, message: 'The reader never printed "received … bytes": it must still count what arrives until end of file.' };
  if (got < TOTAL) {
    const writes = syscalls(run, { name: 'write', tid: 1 }).filter((e) => (e.ret ?? -1) > 0);
    const sent = writes.reduce((s, e) => s + e.ret!, 0);
    return { ok: false, message: `The reader received ${got.toLocaleString('en-US')} of ${TOTAL.toLocaleString('en-US')} bytes: the writer's write() calls took only ${sent.toLocaleString('en-US')}, and the rest was never written.` };
  }
  if (run.events.some((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sk_stream_wait_memory')) {
    return { ok: false, message: 'All the bytes arrived, but the writer slept inside write() (sk_stream_wait_memory): keep the socket non-blocking, and wait for room with poll().' };
  }
  const eagain = syscalls(run, { name: 'write', tid: 1, errno: 'EAGAIN' }).length;
  if (eagain > 50) {
    return { ok: false, message: `All the bytes arrived, but write() answered EAGAIN ${eagain} times: the writer spins. Wait for the socket to become writable (poll() with POLLOUT) before trying again.` };
  }
  return { ok: true, message: `All ${TOTAL.toLocaleString('en-US')} bytes arrived; write() said EAGAIN ${eagain} time${eagain === 1 ? '' : 's'}, and each time the writer waited for room instead of spinning.` };
}
