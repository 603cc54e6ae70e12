// Processes and threads (struct task_struct; a process is a thread group sharing
// an fd table and signal handlers).

import type { Cpu } from './scheduler.js';
import type { FdTable } from './fdtable.js';
import type { KGen } from './step.js';
import type { WaitEntry } from './waitqueue.js';
import { WaitQueue } from './waitqueue.js';
import type { Held } from './scheduler.js';
import type { Hrtimer } from '../hw/timer.js';
import { SIG_DFL } from './flags.js';
import type { TaskWork } from './task-work.js';

export type ThreadState = 'new' | 'runnable' | 'running' | 'blocked' | 'dead';

/** A signal handler: the program's function, run on the thread when it next returns to user mode. */
export type SignalHandler = (sig: number) => unknown;
export type SignalAction = number | SignalHandler;

/** The reader's code for one thread: it receives the thread's syscall handle. */
export type ThreadMain<S = unknown> = (sys: S) => Promise<unknown> | unknown;

export interface SyscallInProgress {
  name: string;
  /**
   * Arguments as strace prints them; a function when they depend on the result (read's
   * buffer). The function may also give a note strace prints after the return value,
   * as in `select(...) = 1 (in [4])`.
   */
  args: string[] | ((ret: number) => string[] | { args: string[]; retNote?: string });
  start: number;
  cpu: number;
  line: number | undefined;
  gen: KGen<number>;
  /** compute() is user-mode work, not a system call: no syscall event is recorded. */
  userWork: boolean;
}

export class Process {
  readonly threads: Thread[] = [];
  exited = false;
  exitStatus = 0;
  /** Why the process died, if a signal or an exception killed it. */
  killedBy: string | null = null;
  readonly children: Process[] = [];
  /** The parent sleeps here in waitpid(). */
  readonly childExit = new WaitQueue('wait_chldexit');
  /** Dispositions: SIG_DFL, SIG_IGN, or a handler function run in user mode. */
  readonly signalActions = new Map<number, SignalAction>();
  /** RLIMIT_NOFILE hard limit (the soft limit lives in the fd table). */
  nofileHard = 524_288;

  constructor(
    readonly pid: number,
    public name: string,
    public fds: FdTable,
    readonly parent: Process | null,
    /** A kernel thread (ksoftirqd, kworker): no user code, never counted as the program. */
    readonly kernel = false,
  ) {}

  signalAction(sig: number): SignalAction {
    return this.signalActions.get(sig) ?? SIG_DFL;
  }

  get live(): Thread[] {
    return this.threads.filter((t) => t.state !== 'dead');
  }
}

export class Thread {
  state: ThreadState = 'new';
  cpu: Cpu | null = null;
  lastCpu = -1;
  /** The system call this thread is executing, if it is in the kernel. */
  syscall: SyscallInProgress | null = null;
  /** Resolves the promise the reader's code is awaiting. */
  resolveUser: ((value: number) => void) | null = null;
  started = false;
  errno = 0;
  /** Signals sent to the thread, acted on when it next returns to user mode. */
  pendingSignals: number[] = [];
  /** Where pause() and nanosleep() sleep so that a signal can interrupt them (signal_wake_up). */
  readonly signalWait = new WaitQueue('signal');
  /** The handle its code received (a signal handler's calls go through the same one). */
  handle: unknown = null;
  /** When the thread last became runnable (for "waiting for a CPU" spans). */
  runnableSince = 0;
  /** When it last went to sleep, and on what (for "blocked" spans). */
  blockedSince = 0;
  blockedOn = '';
  /** Wait-queue entries and timer this thread sleeps on, undone at wakeup or kill. */
  sleepEntries: WaitEntry[] = [];
  sleepTimer: Hrtimer | null = null;
  /** A return value waiting for the thread to get a CPU back (it was preempted on the way out of a syscall). */
  pendingReturn: number | null = null;
  /** Why the last sleep ended: 'wake' or 'timeout'. */
  wakeReason: 'wake' | 'timeout' = 'wake';
  /** When the current timeslice began (the tick compares it with costs.timeslice). */
  sliceStart = 0;
  /** Work left when the thread was preempted in user mode by the tick (resumed when it runs again). */
  held: Held | null = null;
  /** The only CPU it may run on (per-CPU kernel threads), or null for any. */
  affinity: number | null = null;
  /** ksoftirqd while it runs softirq handlers: atomic context although it is a thread. */
  servingSoftirq = false;
  /** task_work queued for it (io_uring completions), run before it returns to user mode. */
  taskWork: TaskWork[] | null = null;
  /** Where a thread that runs task work while it waits (io_uring_enter) is woken when some arrives. */
  readonly taskWorkWait = new WaitQueue('task_work');
  /** IOCP (the Windows model): released by a port for a packet, and where it waits in GetQueuedCompletionStatus. */
  iocpGrant = false;
  readonly iocpWait = new WaitQueue('NtRemoveIoCompletion');
  /** Told when the thread blocks and wakes (an I/O completion port counts its running threads). */
  sleepHook: { blocked(t: Thread): void; woken(t: Thread): void } | null = null;
  /** A kernel thread busy-polling for work (SQPOLL): its polling step may be cut short by kick(). */
  spinning = false;
  kick: (() => void) | null = null;
  /** The continuation of its current CPU step, allocated once (see Kernel.advance). */
  cont: () => void = () => {};
  readonly exitWait = new WaitQueue('thread_exit');
  /** True for the thread whose return ends the process (the one that ran main). */
  readonly leader: boolean;

  constructor(
    readonly tid: number,
    readonly process: Process,
    public name: string,
    readonly main: ThreadMain,
  ) {
    this.leader = process.threads.length === 0;
    process.threads.push(this);
  }

  get label(): string {
    return `${this.name} (tid ${this.tid})`;
  }
}
