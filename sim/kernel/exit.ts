// Ending threads and processes (kernel/exit.c: do_exit, do_group_exit).

import type { Kernel } from './kernel.js';
import type { Process, Thread } from './task.js';

/** The thread's function returned: pthread_exit, or exit_group when it was the process's first thread (C's main returning). */
export function threadExit(k: Kernel, t: Thread): void {
  const group = t.leader;
  const name = group ? 'exit_group' : 'exit';
  t.syscall = {
    name,
    args: ['0'],
    start: k.now,
    cpu: t.cpu!.id,
    line: undefined,
    userWork: false,
    gen: (function* () {
      yield { op: 'cpu' as const, ns: k.costs.syscallEntry + k.costs.exit, mode: 'kernel' as const };
      k.emit({ t: t.syscall!.start, dur: k.now - t.syscall!.start, cat: 'syscall', name, cpu: t.syscall!.cpu, pid: t.process.pid, tid: t.tid, args: ['0'] });
      if (group) killProcess(k, t.process, null);
      else endThread(k, t);
      return 0;
    })(),
  };
  k.advance(t, undefined);
}

/** Mark one thread dead and free its CPU; wake anyone in pthread_join(). */
function endThread(k: Kernel, t: Thread): void {
  if (t.state === 'dead') return;
  const was = t.state;
  k.unsleep(t);
  if (was === 'runnable') k.sched.dequeue(t);
  t.state = 'dead';
  t.syscall = null;
  t.resolveUser = null;
  if (k.userThread === t) k.userThread = null;
  k.emit({ t: k.now, dur: 0, cat: 'note', name: 'thread exit', pid: t.process.pid, tid: t.tid });
  if (t.cpu) k.sched.release(t);
  t.exitWait.wake();
  if (t.process.live.length === 0) endProcess(k, t.process);
}

/**
 * do_group_exit(): every thread of the process ends, its descriptors are closed
 * (dropping references, which may wake readers with EOF or writers with EPIPE), and
 * the parent is told. `why` is null for a normal exit, else what killed it.
 */
export function killProcess(k: Kernel, p: Process, why: string | null): void {
  if (p.exited) return;
  if (why) p.killedBy = why;
  for (const t of p.threads) endThread(k, t);
  if (!p.exited) endProcess(k, p);
}

function endProcess(k: Kernel, p: Process): void {
  if (p.exited) return;
  p.exited = true;
  p.fds.closeAll(k);
  k.processGone(p);
  k.emit({ t: k.now, dur: 0, cat: 'note', name: p.killedBy ? 'process killed' : 'process exit', pid: p.pid, detail: p.killedBy ? { by: p.killedBy } : { status: p.exitStatus } });
  p.parent?.childExit.wake();
}
