// Processes, threads, time and signals, as methods of the thread's handle.

import { FileCalls } from './calls-file.js';
import type { Sys } from '../sys.js';
import {
  compute, sysExit, sysFork, sysGetrlimit, sysNanosleep, sysPause, sysPthreadCreate, sysPthreadJoin, sysSetrlimit, sysSignal,
  sysWaitpid, type Rlimit,
} from './sys-proc.js';
import { signal as sigName, timespec } from '../trace/format-args.js';
import { formatDuration } from './time.js';

/** The code of a thread or child process: it receives that thread's own handle. */
export type ThreadFn = (sys: Sys) => Promise<unknown> | unknown;

export class ProcCalls extends FileCalls {
  /** Spend `ns` nanoseconds of CPU time in user mode (your program computing). Not a system call. */
  compute(ns: number): Promise<number> {
    if (!Number.isFinite(ns) || ns < 0) throw new RangeError(`compute(${ns}): the duration must be a finite number of nanoseconds ≥ 0.`);
    return this.userWork('compute', compute(this.k, this.t, Math.round(ns)));
  }

  /** nanosleep(2): sleep for `ns` nanoseconds of virtual time. */
  nanosleep(ns: number): Promise<number> {
    return this.call('nanosleep', [timespec(ns), 'NULL'], sysNanosleep(this.k, this.t, ns));
  }

  /** pthread_create(3) (clone(2) underneath): start a thread in this process; returns its thread id. */
  pthread_create(fn: ThreadFn, name?: string): Promise<number> {
    return this.call('clone3', (ret) => [`{flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD${name ? `, name="${name}"` : ''}}`, `→ tid ${ret}`], sysPthreadCreate(this.k, this.t, fn as never, name));
  }

  /** pthread_join(3): wait for a thread of this process to exit. */
  pthread_join(tid: number): Promise<number> {
    return this.call('futex', [`pthread_join(${tid})`], sysPthreadJoin(this.k, this.t, tid));
  }

  /**
   * fork(2): a child process with a copy of this process's descriptors. In C the child
   * continues after fork(); here it runs `child` with its own handle. Returns the child's pid.
   */
  fork(child: ThreadFn): Promise<number> {
    return this.call('fork', [], sysFork(this.k, this.t, child as never));
  }

  /** waitpid(2): wait for a child (pid -1: any child) to exit; returns its pid. */
  waitpid(pid: number, status?: { status: number }): Promise<number> {
    return this.call('wait4', [String(pid), status ? '[status]' : 'NULL', '0', 'NULL'], sysWaitpid(this.k, this.t, pid, status));
  }

  /** exit(3) / exit_group(2): end the whole process now. Never returns. */
  exit(status = 0): Promise<number> {
    return this.k.syscall(this.t, 'exit_group', [String(status)], sysExit(this.k, this.t, status));
  }

  /** getpid(2). */
  getpid(): Promise<number> {
    return this.call('getpid', [], withWork(this.k.costs.fileOp, this.t.process.pid));
  }

  /** gettid(2). */
  gettid(): Promise<number> {
    return this.call('gettid', [], withWork(this.k.costs.fileOp, this.t.tid));
  }

  /** signal(2): SIG_IGN or SIG_DFL for a signal, e.g. signal(SIGPIPE, SIG_IGN). Returns the old disposition. */
  signal(sig: number, handler: number | ((sig: number) => unknown)): Promise<number> {
    const h = typeof handler === 'function' ? `{sa_handler=${handler.name || 'handler'}, sa_flags=SA_RESTART}` : handler === 1 ? 'SIG_IGN' : handler === 0 ? 'SIG_DFL' : String(handler);
    return this.call('rt_sigaction', [sigName(sig), h], sysSignal(this.k, this.t, sig, handler));
  }

  /** pause(2): sleep until a signal arrives; returns -1 (EINTR) once its handler has run. */
  pause(): Promise<number> {
    return this.call('pause', [], sysPause(this.k, this.t));
  }

  /** getrlimit(2): RLIMIT_NOFILE only. */
  getrlimit(resource: number, rlim: Rlimit): Promise<number> {
    return this.call('prlimit64', (r) => ['0', 'RLIMIT_NOFILE', 'NULL', r === 0 ? `{rlim_cur=${rlim.rlim_cur}, rlim_max=${rlim.rlim_max}}` : '0x7ffc...'], sysGetrlimit(this.k, this.t, resource, rlim));
  }

  /** setrlimit(2): RLIMIT_NOFILE only. */
  setrlimit(resource: number, rlim: Rlimit): Promise<number> {
    return this.call('prlimit64', ['0', 'RLIMIT_NOFILE', `{rlim_cur=${rlim.rlim_cur}, rlim_max=${rlim.rlim_max}}`, 'NULL'], sysSetrlimit(this.k, this.t, resource, rlim));
  }

  /**
   * clock_gettime(CLOCK_MONOTONIC) in nanoseconds of virtual time. Like the real one it
   * runs in the vDSO, in user mode, without entering the kernel: it is not in the trace.
   */
  clock_gettime(): number {
    return this.k.now;
  }

  /**
   * A marker in the trace from user space, at no cost (like a USDT probe, or a line
   * written to tracefs's trace_marker while nobody is tracing): libraries such as the
   * event loop mark their phases with it.
   */
  trace_marker(text: string, detail?: Record<string, string | number | boolean>): void {
    const t = this.t;
    this.k.emit({ t: this.k.now, dur: 0, cat: 'note', name: String(text), pid: t.process.pid, tid: t.tid, detail: { source: 'trace_marker', ...detail } });
  }

  /** Virtual time as text, e.g. "1.25 ms": handy in printed output. */
  static formatTime(ns: number): string {
    return formatDuration(ns);
  }
}

function* withWork(ns: number, v: number) {
  yield { op: 'cpu' as const, ns, mode: 'kernel' as const };
  return v;
}
