// System calls about processes, threads, time and signals: the clone/fork/wait/exit
// family (kernel/fork.c, kernel/exit.c), nanosleep (kernel/time/hrtimer.c),
// signal dispositions (kernel/signal.c), resource limits (kernel/sys.c).

import type { Kernel } from './kernel.js';
import type { SignalAction, Thread, ThreadMain } from './task.js';
import type { KGen } from './step.js';
import { work } from './step.js';
import { ECHILD, EDEADLK, EINTR, EINVAL, EPERM, ESRCH } from './errno.js';
import { RLIMIT_NOFILE, SIGKILL, SIG_DFL, SIG_IGN } from './flags.js';
import { killProcess } from './exit.js';

/** The hard limit on descriptors that systemd gives sessions and services (v240+). */
export const NOFILE_HARD_LIMIT = 524_288;

/**
 * User-mode computation (not a system call): the thread keeps its CPU for `ns`. The
 * timer tick interrupts it HZ times a second, and when its timeslice has run out while
 * another thread waits, the return from that interrupt preempts it (scheduler_tick →
 * resched_curr → irqentry_exit_to_user_mode); it finishes the rest when it runs again.
 */
export function* compute(k: Kernel, t: Thread, ns: number): KGen<number> {
  void k;
  void t;
  if (ns > 0) yield { op: 'cpu', ns, mode: 'user' };
  return 0;
}

/** hrtimer_nanosleep(): sleep on nothing but a timer. */
export function* sysNanosleep(k: Kernel, t: Thread, ns: number): KGen<number> {
  if (!Number.isFinite(ns) || ns < 0) return -EINVAL;
  // An interruptible sleep: a signal with a handler ends it early, with EINTR.
  const why = yield* k.sleepOn(t, [t.signalWait], 'hrtimer_nanosleep', Math.round(ns));
  return why === 'wake' && t.pendingSignals.length > 0 ? -EINTR : 0;
}

/** pause(): sleep until a signal is delivered; it returns only after a handler has run, with EINTR. */
export function* sysPause(k: Kernel, t: Thread): KGen<number> {
  while (t.pendingSignals.length === 0) yield* k.sleepOn(t, [t.signalWait], 'sys_pause');
  return -EINTR;
}

export function* sysPthreadCreate(k: Kernel, t: Thread, fn: ThreadMain, name: string | undefined): KGen<number> {
  if (typeof fn !== 'function') return -EINVAL;
  yield* work(k.costs.threadCreate);
  const p = t.process;
  const child = k.spawnThread(p, name ?? `thread ${p.threads.length + 1}`, fn);
  return child.tid;
}

/** pthread_join(): sleep until the thread has exited (glibc waits on a futex the kernel clears). */
export function* sysPthreadJoin(k: Kernel, t: Thread, tid: number): KGen<number> {
  yield* work(k.costs.fileOp);
  const target = t.process.threads.find((x) => x.tid === tid);
  if (!target) return -ESRCH;
  if (target === t) return -EDEADLK;
  while (target.state !== 'dead') yield* k.sleepOn(t, target.exitWait, 'futex_wait (pthread_join)');
  return 0;
}

/** fork(): a new process with a copy of the descriptor table; the child runs `child`. */
export function* sysFork(k: Kernel, t: Thread, child: ThreadMain): KGen<number> {
  if (typeof child !== 'function') return -EINVAL;
  yield* work(k.costs.processCreate);
  const p = t.process;
  const c = k.spawnProcess(p.name, child, p, p.fds.clone());
  return c.pid;
}

/** wait4(): reap a child that has exited (pid -1: any child). */
export function* sysWaitpid(k: Kernel, t: Thread, pid: number, status: { status: number } | undefined): KGen<number> {
  yield* work(k.costs.fileOp);
  const p = t.process;
  for (;;) {
    const candidates = p.children.filter((c) => pid === -1 || c.pid === pid);
    if (candidates.length === 0) return -ECHILD;
    const done = candidates.find((c) => c.exited);
    if (done) {
      p.children.splice(p.children.indexOf(done), 1);
      if (status) status.status = done.killedBy ? SIGKILL : done.exitStatus << 8;
      return done.pid;
    }
    yield* k.sleepOn(t, p.childExit, 'do_wait');
  }
}

/** exit_group(): the whole process ends now. */
export function* sysExit(k: Kernel, t: Thread, status: number): KGen<number> {
  yield* work(k.costs.exit);
  t.process.exitStatus = status & 0xff;
  const sc = t.syscall!;
  k.emit({ t: sc.start, dur: k.now - sc.start, cat: 'syscall', name: 'exit_group', cpu: sc.cpu, pid: t.process.pid, tid: t.tid, args: [String(status)], line: sc.line });
  killProcess(k, t.process, null);
  return 0;
}

/** signal(): set a disposition (only SIG_DFL and SIG_IGN); returns the previous one. */
/**
 * signal(): set a disposition: SIG_DFL, SIG_IGN, or a handler function. Returns the old
 * one: SIG_DFL (0), SIG_IGN (1), or 2 for "a handler" (C returns the function's address).
 */
export function* sysSignal(k: Kernel, t: Thread, sig: number, handler: SignalAction): KGen<number> {
  yield* work(k.costs.fileOp);
  if (!Number.isInteger(sig) || sig < 1 || sig > 64 || sig === SIGKILL || sig === 19) return -EINVAL;
  if (typeof handler !== 'function' && handler !== SIG_DFL && handler !== SIG_IGN) return -EINVAL;
  const old = t.process.signalAction(sig);
  t.process.signalActions.set(sig, handler);
  return typeof old === 'function' ? 2 : old;
}

export interface Rlimit {
  rlim_cur: number;
  rlim_max: number;
}

export function* sysGetrlimit(k: Kernel, t: Thread, resource: number, rlim: Rlimit): KGen<number> {
  yield* work(k.costs.fileOp);
  if (resource !== RLIMIT_NOFILE) return k.notModelled(t, `getrlimit(${resource}): only RLIMIT_NOFILE is modelled`);
  rlim.rlim_cur = t.process.fds.limit;
  rlim.rlim_max = t.process.nofileHard;
  return 0;
}

/** setrlimit(): the soft limit may go up to the hard one; raising the hard limit needs CAP_SYS_RESOURCE. */
export function* sysSetrlimit(k: Kernel, t: Thread, resource: number, rlim: Rlimit): KGen<number> {
  yield* work(k.costs.fileOp);
  if (resource !== RLIMIT_NOFILE) return k.notModelled(t, `setrlimit(${resource}): only RLIMIT_NOFILE is modelled`);
  const { rlim_cur, rlim_max } = rlim;
  if (!Number.isInteger(rlim_cur) || !Number.isInteger(rlim_max) || rlim_cur < 0 || rlim_cur > rlim_max) return -EINVAL;
  if (rlim_max > t.process.nofileHard) return -EPERM;
  t.process.fds.limit = rlim_cur;
  t.process.nofileHard = rlim_max;
  return 0;
}
