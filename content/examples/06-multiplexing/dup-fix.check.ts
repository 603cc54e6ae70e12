// The check for the close/dup exercise (dup-fix.ts).
import { syscalls, type RunResult, type Verdict } from 'inside-io';

/** Goal: descriptor 3 closed, its copy still open, and no epoll event for it afterwards. */
export function check(run: RunResult): Verdict {
  const close = syscalls(run, { name: 'close' }).find((e) => e.args?.[0] === '3' && e.ret === 0);
  if (!close) return { ok: false, message: 'Descriptor 3 must still be closed with close(3).' };
  if (!syscalls(run, { name: 'dup' }).some((e) => (e.ret ?? -1) >= 0)) return { ok: false, message: 'Keep the dup(): the copy is what makes this case tricky.' };
  const late = syscalls(run, { name: 'epoll_wait' }).filter((e) => e.t > close.t && (e.ret ?? 0) > 0);
  if (late.length > 0) {
    return { ok: false, message: `After close(3), epoll_wait() still reported ${late[0]!.args?.[1]}: the item stays while the copy keeps the open file description alive.` };
  }
  return { ok: true, message: 'After close(3), epoll reports nothing for it: the item was removed while it could still be named.' };
}
