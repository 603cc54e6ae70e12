// The check for the "send every byte" exercise (partial.ts).
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: all four echoes arrive whole; the loop never sleeps outside epoll_wait() and never spins. */
export function check(run: RunResult): Verdict {
  const g = run.net.groups[0];
  const got = g?.bytesReceived ?? 0;
  const waits = run.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name !== 'ep_poll');
  if (waits.length > 0) {
    return { ok: false, message: `The loop went to sleep in ${waits[0]!.name} (${waits.length} time${waits.length === 1 ? '' : 's'}): a blocking write() stops every other connection. The loop may sleep only in epoll_wait().` };
  }
  const calls = syscalls(run).length;
  if (calls > 1000) {
    return { ok: false, message: `${calls} system calls in 3 ms: the loop is spinning (retrying write() on a full buffer, or watching EPOLLOUT when there is nothing to send).` };
  }
  if (!g || g.responses < 4 || got < 400_000) {
    return { ok: false, message: `The clients received ${got.toLocaleString('en')} of the 400,000 bytes (${g?.responses ?? 0} of 4 echoes complete): what write() did not take was thrown away.` };
  }
  const again = syscalls(run, { name: 'write', errno: 'EAGAIN' }).length;
  return { ok: true, message: `All 400,000 bytes echoed with ${calls} system calls; ${again} write() call${again === 1 ? '' : 's'} found the buffer full and waited for EPOLLOUT.` };
}
