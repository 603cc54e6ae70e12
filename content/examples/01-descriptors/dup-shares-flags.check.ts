// The answer to the prediction about dup-shares-flags.ts, read from a run.
import { syscalls, type RunResult } from 'inside-io';

/** What did the read through the dup'ed descriptor do? */
export function readOnCopy(run: RunResult) {
  const read = syscalls(run, { name: 'read', tid: 1 })[0];
  const slept = run.events.some((e) => e.cat === 'wait' && e.tid === 1);
  if (!read) return { value: 'sleep until someone writes', explain: 'The read never returned: it is asleep on the pipe, and nothing will ever write.' };
  if (read.ret === -1 && read.errno === 'EAGAIN') {
    return { value: 'return -1 with EAGAIN', explain: `read(${read.args?.[0]}) returned -1 with EAGAIN at once${slept ? '' : ', without sleeping'}: the descriptor it used shares the open file description, and O_NONBLOCK with it.` };
  }
  if (read.ret === 0) return { value: 'return 0: end of file', explain: 'read() returned 0: no writer was left.' };
  return { value: String(read.ret), explain: `read() returned ${read.ret}.` };
}
