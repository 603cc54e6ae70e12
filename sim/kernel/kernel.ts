// The kernel: the clock and event queue, the scheduler, processes, and the handshake
// between kernel and the reader's async code.
//
// The reader's code runs only between system calls. A thread calls a syscall method
// on its handle; the kernel runs the syscall's generator, advancing virtual time
// through the event queue, until some thread is due to return to user mode; it then
// resolves that thread's promise and stops. The thread's code runs (as a microtask),
// then makes its next system call, which drives the kernel again. So at any moment
// exactly one of {the kernel, one thread} is running, and the order of everything is
// fixed by virtual time: the same program always produces the same trace.

import type { Costs } from '../cost.js';
import { Recorder } from '../trace/recorder.js';
import type { TraceEvent } from '../trace/event.js';
import { EventQueue } from './event-queue.js';
import { FdTable } from './fdtable.js';
import { traceFdTable } from './fd-trace.js';
import { Scheduler } from './scheduler.js';
import type { KGen, Step } from './step.js';
import { Process, Thread, type ThreadMain, type SyscallInProgress } from './task.js';
import type { WaitEntry, WaitQueue } from './waitqueue.js';
import { errnoName, ENOSYS } from './errno.js';
import { killProcess, threadExit } from './exit.js';
import { setupStdio } from '../fs/tty.js';
import { SIG_IGN, SIGCHLD } from './flags.js';
import { signalName } from './signals.js';
import { Interrupts, type IrqFrame } from '../hw/irq.js';
import { Softirqs } from '../hw/softirq.js';
import { Timers } from '../hw/timer.js';
import { Workqueues } from '../hw/workqueue.js';
import { Vfs } from '../fs/vfs.js';
import { taskWorkRun } from './task-work.js';
import { runSignalHandler } from './signal-frame.js';

/** Signals whose default action is to do nothing (signal(7)). */
const defaultIgnored = new Set([SIGCHLD]);

/** 'bug': the kernel hit a BUG (e.g. scheduling while atomic) because of the reader's code. */
export type StopReason = 'exit' | 'blocked' | 'time' | 'cap' | 'stall' | 'error' | 'bug';

export interface Stop {
  reason: StopReason;
  message: string;
  /** The reader's line that caused it, when known (a BUG). */
  line?: number;
}

export interface ProgramError {
  pid: number;
  tid: number;
  message: string;
  line?: number;
}

export interface OutputLine {
  t: number;
  pid: number;
  /** 1 for standard output, 2 for standard error. */
  fd: number;
  text: string;
  /** Printed with console.log/console.error (user space, no system call) rather than write(). */
  console?: boolean;
}

export interface KernelOptions {
  cpus: number;
  costs: Costs;
  /** Timer ticks per second (CONFIG_HZ). */
  hz: number;
  until: number;
  maxEvents: number;
  /** Record the line of the reader's code that made each system call (costs a stack capture). */
  captureLines: boolean;
  /** Maps a thread to the handle its code receives. */
  makeHandle: (k: Kernel, t: Thread) => unknown;
  /** Finds the reader's line in a stack trace. */
  lineOf: (stack: string | undefined) => number | undefined;
  /**
   * Called every 512 events while the kernel runs, with the virtual time (often enough that a
   * long run in the browser, a select() over 10,000 descriptors, still beats the 2 s watchdog).
   * The browser's runner uses it as a heartbeat; it must not change the simulation.
   */
  progress?: (now: number, events: number) => void;
}

/** One settled promise whose then() schedules a microtask. */
const RESOLVED: Promise<void> = Promise.resolve();

export class Kernel {
  now = 0;
  readonly queue = new EventQueue();
  readonly costs: Costs;
  /** The steps of every system call's entry and exit: read-only, made once (one fewer allocation per step). */
  private readonly entryStep: Step;
  private readonly exitStep: Step;
  readonly sched: Scheduler;
  readonly recorder: Recorder;
  readonly processes: Process[] = [];
  readonly errors: ProgramError[] = [];
  readonly output: OutputLine[] = [];
  readonly warnings: string[] = [];
  /** The thread whose user code is running (or about to run); null while the kernel runs. */
  userThread: Thread | null = null;
  /** The thread on whose behalf kernel code is running, for "who woke whom". */
  context: Thread | null = null;
  /** The interrupt frame whose code is running, if any (interrupt context). */
  atomic: IrqFrame | null = null;
  stop: Stop | null = null;
  readonly irq: Interrupts;
  readonly softirq: Softirqs;
  readonly timers: Timers;
  readonly workqueue: Workqueues;
  /** Paths: /dev and the files of the disk. */
  readonly vfs = new Vfs();
  /** Creates a regular file on the disk for open(O_CREAT), when the world has a disk. */
  createFile: ((path: string, mode: number) => import('../fs/vfs.js').VfsNode | null) | null = null;
  /** While a program's interrupt handler runs: where its system calls go (they are bugs). */
  inHandler: { syscall(name: string, line: number | undefined): Promise<number> } | null = null;
  /**
   * How every system call crosses into the kernel and back, for the trace (one object
   * shared by all syscall events): the `syscall` instruction traps to entry_SYSCALL_64,
   * and sysretq returns to user mode; the event's start and end are those two moments.
   */
  readonly trap: Record<string, string | number>;
  /** User processes not yet exited: the run ends when none is left. */
  private liveUser = 0;
  private readonly threads = new Map<number, Thread>();
  private nextPid = 1;
  private nextInode = 1;
  private nextTid = 1;
  private finishRun: (() => void) | null = null;
  private sinceProgress = 0;
  private watchdogArmed = false;

  constructor(readonly opts: KernelOptions) {
    this.costs = opts.costs;
    this.sched = new Scheduler(this, opts.cpus);
    this.recorder = new Recorder(opts.maxEvents);
    this.irq = new Interrupts(this);
    this.softirq = new Softirqs(this);
    this.timers = new Timers(this, opts.hz);
    this.workqueue = new Workqueues(this);
    this.entryStep = { op: 'cpu', ns: this.costs.syscallEntry, mode: 'kernel' };
    this.exitStep = { op: 'cpu', ns: this.costs.syscallExit, mode: 'kernel' };
    this.trap = { entry: 'trap: syscall instruction → entry_SYSCALL_64, user → kernel mode', entry_ns: this.costs.syscallEntry, exit: 'sysretq: kernel → user mode', exit_ns: this.costs.syscallExit };
  }

  get events(): TraceEvent[] {
    return this.recorder.events;
  }

  emit(e: Omit<TraceEvent, 'seq'> & { seq?: number }): TraceEvent {
    return this.recorder.emit(e);
  }

  /** Inode numbers for pipes and sockets (what /proc/PID/fd shows as pipe:[N]). */
  allocInode(): number {
    return this.nextInode++;
  }

  threadById(tid: number): Thread | undefined {
    return this.threads.get(tid);
  }

  allThreads(): Thread[] {
    return [...this.threads.values()];
  }

  // ---- processes and threads -------------------------------------------------

  /** Create a process whose first thread runs `main` (fork + exec of a program, in one step). */
  spawnProcess(name: string, main: ThreadMain, parent: Process | null, fds?: FdTable): Process {
    const p = new Process(this.nextPid++, name, fds ?? new FdTable(), parent);
    traceFdTable(this, p);
    if (!fds) setupStdio(this, p);
    parent?.children.push(p);
    this.processes.push(p);
    this.liveUser++;
    this.spawnThread(p, name, main);
    return p;
  }

  /**
   * kthread_create_on_cpu(): a kernel thread bound to `cpu` that runs `body` in kernel
   * mode, forever (ksoftirqd/N, kworker/N:1). It has no user code and no descriptors.
   */
  spawnKernelThread(name: string, cpu: number | null, body: (t: Thread) => KGen<number>): Thread {
    const p = new Process(this.nextPid++, name, new FdTable(), null, true);
    this.processes.push(p);
    const t = new Thread(p.pid, p, name, () => undefined);
    t.affinity = cpu;
    t.started = true;
    t.syscall = { name, args: [], start: this.now, cpu: cpu ?? 0, line: undefined, gen: body(t), userWork: true };
    this.initThread(t);
    this.threads.set(t.tid, t);
    this.emit({ t: this.now, dur: 0, cat: 'note', name: 'kernel thread start', pid: p.pid, tid: t.tid, detail: { name } });
    this.sched.makeRunnable(t);
    return t;
  }

  /** A user process has exited (do_exit): when it was the last, the run is over. */
  processGone(p: Process): void {
    if (!p.kernel) this.liveUser--;
  }

  spawnThread(p: Process, name: string, main: ThreadMain): Thread {
    // Thread ids share the pid space, as on Linux: the first thread's tid is the pid.
    const tid = p.threads.length === 0 ? p.pid : this.allocTid();
    const t = new Thread(tid, p, name, main);
    this.initThread(t);
    this.threads.set(tid, t);
    this.emit({ t: this.now, dur: 0, cat: 'note', name: t.leader ? 'process start' : 'thread start', pid: p.pid, tid, detail: { name } });
    this.sched.makeRunnable(t);
    return t;
  }

  /** The thread's step continuation: one closure per thread, not one per step. */
  private initThread(t: Thread): void {
    t.cont = () => {
      t.cpu!.busy = null;
      this.advance(t, undefined);
    };
  }

  private allocTid(): number {
    while (this.processes.some((p) => p.pid === this.nextTid) || this.threads.has(this.nextTid)) this.nextTid++;
    const tid = Math.max(this.nextTid, this.nextPid);
    this.nextPid = tid + 1;
    this.nextTid = tid + 1;
    return tid;
  }

  // ---- running ---------------------------------------------------------------

  /** Run until every thread has exited, the time limit, the event cap, or a stall. */
  run(): Promise<void> {
    return new Promise((resolve) => {
      this.finishRun = resolve;
      this.drive();
    });
  }

  /**
   * Process events in time order until a thread must run user code. Called at the
   * start and each time a thread enters the kernel or finishes.
   */
  drive(): void {
    try {
      while (this.userThread === null && this.stop === null) {
        if (this.liveUser === 0) return this.finish({ reason: 'exit', message: 'All threads exited.' });
        if (this.recorder.full) return this.finish({ reason: 'cap', message: this.recorder.capMessage });
        const ev = this.queue.pop();
        if (!ev) return this.finish(this.idleStop());
        if (ev.time > this.opts.until) {
          this.now = this.opts.until;
          return this.finish({ reason: 'time', message: `Stopped at the world's time limit, ${fmtMs(this.opts.until)}.` });
        }
        this.now = ev.time;
        // Whatever this event does runs on no thread's behalf unless it resumes one
        // (advance() sets the context): a timer callback must not be taken for the
        // last thread that happened to run kernel code, when a wakeup names its waker.
        this.context = null;
        ev.fire();
        if (++this.sinceProgress === 512) {
          this.sinceProgress = 0;
          this.opts.progress?.(this.now, this.recorder.events.length);
        }
      }
      if (this.recorder.full) return this.finish({ reason: 'cap', message: this.recorder.capMessage });
      if (this.stop === null) this.armWatchdog();
    } catch (err) {
      return this.finish({ reason: 'error', message: `Internal simulator error: ${(err as Error).message}` });
    }
  }

  /** Stop the run now (a kernel BUG). */
  halt(stop: Stop): void {
    this.finish(stop);
  }

  private finish(stop: Stop): void {
    if (this.stop) return;
    this.stop = stop;
    try {
      this.sched.flush();
      this.recordUnfinished();
    } catch {
      // The cap may be hit while flushing; the trace is what it is.
    }
    this.finishRun?.();
  }

  /**
   * Threads still asleep or inside a system call when the run stops (a server in
   * epoll_wait at the time limit): record what they were doing, marked unfinished, as
   * strace prints "<unfinished ...>", so that views show the wait instead of a gap.
   */
  private recordUnfinished(): void {
    for (const t of this.allThreads()) {
      if (t.process.kernel || t.state === 'dead') continue;
      const base = { pid: t.process.pid, tid: t.tid, detail: { unfinished: true } };
      if (t.state === 'blocked') this.emit({ ...base, t: t.blockedSince, dur: this.now - t.blockedSince, cat: 'wait', name: t.blockedOn });
      const sc = t.syscall;
      if (sc && !sc.userWork) {
        const formatted = typeof sc.args === 'function' ? sc.args(0) : sc.args;
        this.emit({ ...base, t: sc.start, dur: this.now - sc.start, cat: 'syscall', name: sc.name, cpu: sc.cpu, args: Array.isArray(formatted) ? formatted : formatted.args, line: sc.line });
      }
    }
  }

  /** Nothing left to do: either everything exited or the remaining threads can never wake. */
  private idleStop(): Stop {
    const stuck = this.allThreads().filter((t) => t.state === 'blocked' && !t.process.kernel);
    if (stuck.length === 0) return { reason: 'exit', message: 'All threads exited.' };
    const list = stuck.map((t) => `${t.label} in ${t.syscall?.name ?? '?'}() on ${t.blockedOn}`).join('; ');
    return { reason: 'blocked', message: `The run ended with threads blocked that nothing can ever wake: ${list}.` };
  }

  /**
   * A thread that awaits something other than a system call (a host timer, fetch, a
   * promise nobody resolves) leaves the kernel waiting forever. A macrotask can only
   * run once every microtask is done, so if this one fires while user code is
   * "running", that code is stuck outside the simulator.
   */
  private armWatchdog(): void {
    if (this.watchdogArmed) return;
    this.watchdogArmed = true;
    setTimeout(() => {
      this.watchdogArmed = false;
      const t = this.userThread;
      if (this.stop || !t) return;
      this.finish({
        reason: 'stall',
        message:
          `${t.label} is waiting for something that is not a system call (a timer of the host, fetch(), or a promise that nothing resolves). ` +
          'In this simulator a program may only await the system calls of its handle; use sys.nanosleep() to wait for time.',
      });
    }, 0);
  }

  /** A thread gets the CPU: continue its system call, or run its user code. */
  dispatch(t: Thread): void {
    if (t.held) {
      // Preempted by the tick in the middle of a step: finish that step first.
      const h = t.held;
      t.held = null;
      return this.sched.runTask(t.cpu!, h.mode, t.tid, h.left, h.fire);
    }
    if (t.syscall) return this.advance(t, undefined);
    if (t.pendingReturn !== null) {
      const v = t.pendingReturn;
      t.pendingReturn = null;
      return this.returnToUser(t, v);
    }
    if (!t.started) return this.startUser(t);
    // A thread preempted in user mode (compute) is always inside a syscall-like frame, so we never get here.
    throw new Error(`thread ${t.tid} dispatched with nothing to run`);
  }

  private startUser(t: Thread): void {
    t.started = true;
    this.enterUser(t);
    const handle = this.opts.makeHandle(this, t);
    t.handle = handle;
    Promise.resolve()
      .then(() => t.main(handle))
      .then(
        () => this.userReturned(t),
        (err: unknown) => this.userThrew(t, err),
      );
  }

  private enterUser(t: Thread): void {
    if (this.userThread) throw new Error(`two threads in user mode at once (${this.userThread.tid}, ${t.tid})`);
    this.userThread = t;
    if (t.cpu) this.sched.setMode(t.cpu, 'user', t.tid);
  }

  /** The thread's function returned. */
  private userReturned(t: Thread): void {
    if (this.stop || t.state === 'dead') return;
    if (t.syscall) {
      this.reportError(t, 'The thread returned while one of its system calls was still running: a system call was not awaited.', undefined);
      return;
    }
    this.userThread = null;
    threadExit(this, t);
    this.drive();
  }

  private userThrew(t: Thread, err: unknown): void {
    if (t.state === 'dead') return;
    const e = err instanceof Error ? err : new Error(String(err));
    const message = `Uncaught ${e.name}: ${e.message}`;
    const line = this.opts.lineOf(e.stack);
    // Thrown just as the run ended (e.g. an un-awaited call): still tell the reader.
    if (this.stop) this.errors.push({ pid: t.process.pid, tid: t.tid, message, line });
    else this.reportError(t, message, line);
  }

  private reportError(t: Thread, message: string, line: number | undefined): void {
    this.errors.push({ pid: t.process.pid, tid: t.tid, message, line });
    this.emit({ t: this.now, dur: 0, cat: 'note', name: 'uncaught exception', pid: t.process.pid, tid: t.tid, line, detail: { message } });
    if (this.userThread === t) this.userThread = null;
    killProcess(this, t.process, 'an uncaught exception');
    this.drive();
  }

  // ---- system calls ----------------------------------------------------------

  /**
   * Entry from user code: the thread traps into the kernel to run `body`. Returns the
   * promise the thread awaits: the syscall's return value (-1 on error, errno set).
   */
  syscall(t: Thread, name: string, args: SyscallInProgress['args'], body: KGen<number>, userWork = false): Promise<number> {
    if (this.inHandler) return this.inHandler.syscall(name, this.opts.lineOf(new Error().stack));
    if (this.userThread !== t) {
      if (this.userThread === null && t.syscall) {
        throw new Error(`${name}() called while ${t.syscall.name}() is still running on the same thread: each system call must be awaited before the next.`);
      }
      if (this.stop) return new Promise<number>(() => {}); // the run is over: the thread never resumes
      throw new Error(
        `${name}() was called on the handle of ${t.label}, but ${this.userThread ? this.userThread.label : 'another thread'} is the one running this code: each thread must use its own handle.`,
      );
    }
    if (this.stop) return new Promise<number>(() => {});
    const line = this.opts.captureLines ? this.opts.lineOf(new Error().stack) : undefined;
    this.userThread = null;
    const cpu = t.cpu!;
    const gen = userWork ? body : this.syscallFrame(t, body);
    t.syscall = { name, args, start: this.now, cpu: cpu.id, line, gen, userWork };
    const promise = new Promise<number>((resolve) => {
      t.resolveUser = resolve;
    });
    // The kernel takes over once this code has yielded (awaited). Deferring by one
    // microtask lets a second, un-awaited call on the same thread be caught above.
    // (A resolved promise's then() rather than queueMicrotask(): in Node the latter makes
    // an AsyncResource per call, which costs about a tenth of the kernel's throughput.)
    RESOLVED.then(() => {
      if (this.stop) return;
      this.advance(t, undefined);
      this.drive();
    });
    return promise;
  }

  /** entry_SYSCALL_64 ... syscall_exit_to_user_mode around the body. */
  private *syscallFrame(t: Thread, body: KGen<number>): KGen<number> {
    yield this.entryStep;
    const ret = yield* body;
    if (t.taskWork) yield* taskWorkRun(this, t); // exit_to_user_mode_loop → task_work_run()
    yield this.exitStep;
    return ret;
  }

  /** Run a thread's kernel code until it needs time to pass, sleeps, or finishes. */
  advance(t: Thread, value: unknown): void {
    if (t.state === 'dead') return; // killed while this continuation was queued
    const sc = t.syscall!;
    this.context = t;
    for (;;) {
      const r = sc.gen.next(value);
      value = undefined;
      if (isDead(t)) return; // the syscall killed its own process (exit_group)
      if (r.done) return this.completeSyscall(t, r.value);
      const step: Step = r.value;
      if (step.op === 'cpu') {
        if (step.ns <= 0) continue;
        const cpu = t.cpu!;
        this.sched.setMode(cpu, step.mode, t.tid, step.label);
        if (step.copy) {
          this.emit({ t: this.now, dur: step.ns, cat: 'copy', name: step.copy.dir === 'to_user' ? 'copy_to_user' : 'copy_from_user', cpu: cpu.id, pid: t.process.pid, tid: t.tid, bytes: step.copy.bytes });
        }
        const end = this.now + step.ns;
        // Fast path: if nothing else is due before `end`, let time pass here rather than
        // through the queue. Exactly equivalent, since this would be the next event anyway
        // (interrupts are events too, so none can arrive in between).
        const next = this.queue.peekTime();
        if ((next === undefined || next > end) && end <= this.opts.until && this.userThread === null) {
          this.now = end;
          continue;
        }
        // The CPU is busy until `end`; an interrupt before then pushes this back (Scheduler.holdTask).
        cpu.busy = this.queue.at(end, t.cont);
        return;
      }
      if (step.op === 'sleep') {
        t.state = 'blocked';
        t.blockedSince = this.now;
        this.sched.release(t);
        return;
      }
      // 'yield': back of the run queue, unless nobody is waiting.
      if (this.sched.waitingFor(t.cpu!)) {
        this.sched.release(t);
        this.sched.makeRunnable(t);
        return;
      }
      t.sliceStart = this.now;
    }
  }

  private completeSyscall(t: Thread, ret: number): void {
    const sc = t.syscall!;
    t.syscall = null;
    if (t.process.kernel) return threadExit(this, t); // a kernel thread's function returned
    let userRet = ret;
    let errno: string | undefined;
    if (ret < 0) {
      t.errno = -ret;
      errno = errnoName(-ret);
      userRet = -1;
    }
    if (!sc.userWork) {
      const formatted = typeof sc.args === 'function' ? sc.args(ret) : sc.args;
      this.emit({
        // seq is set by the recorder; naming it here keeps it inside the object (no
        // out-of-object property store per event, the commonest event of all).
        seq: 0,
        t: sc.start,
        dur: this.now - sc.start,
        cat: 'syscall',
        name: sc.name,
        cpu: sc.cpu,
        pid: t.process.pid,
        tid: t.tid,
        args: Array.isArray(formatted) ? formatted : formatted.args,
        retNote: Array.isArray(formatted) ? undefined : formatted.retNote,
        ret: userRet,
        errno,
        line: sc.line,
        detail: this.trap,
      });
    }
    if (t.pendingSignals.length > 0 && this.deliverSignals(t, userRet)) return;
    // Returning to user mode checks need_resched, which the tick sets when the thread has
    // used its timeslice while others wait: it goes to the back of the run queue
    // (exit_to_user_mode_loop → schedule()).
    const cpu = t.cpu!;
    if (cpu.needResched && this.sched.waitingFor(cpu)) {
      t.pendingReturn = userRet;
      this.sched.release(t);
      this.sched.makeRunnable(t);
      return;
    }
    this.returnToUser(t, userRet);
  }

  private returnToUser(t: Thread, value: number): void {
    const resolve = t.resolveUser!;
    t.resolveUser = null;
    this.enterUser(t);
    resolve(value);
  }

  // ---- signals ---------------------------------------------------------------

  /**
   * send_sig(): queue a signal; it is acted on when the thread returns to user mode. A
   * standard signal already pending is not queued again (legacy_queue). A thread asleep
   * in pause() or nanosleep() is woken (signal_wake_up): the call ends with EINTR.
   */
  sendSignal(t: Thread, sig: number): void {
    if (t.pendingSignals.includes(sig)) return;
    t.pendingSignals.push(sig);
    t.signalWait.wake();
  }

  /** group_send_sig_info() → complete_signal(): a signal for the process goes to one of its threads. */
  signalProcess(p: Process, sig: number): void {
    const live = p.threads.filter((t) => t.state !== 'dead');
    if (live.length === 0) return;
    // A thread waiting for signals (pause, nanosleep) first, else the main thread, else any.
    const t = live.find((x) => x.state === 'blocked' && x.signalWait.active) ?? live.find((x) => x.leader) ?? live[0]!;
    this.sendSignal(t, sig);
  }

  /**
   * exit_to_user_mode_loop() → arch_do_signal_or_restart(): act on pending signals.
   * Returns true if the process was killed. Only default and ignore actions are modelled.
   */
  private deliverSignals(t: Thread, ret: number): boolean {
    while (t.pendingSignals.length > 0) {
      const sig = t.pendingSignals.shift()!;
      const action = t.process.signalAction(sig);
      const name = signalName(sig);
      const what = typeof action === 'function' ? 'handler' : action === SIG_IGN ? 'ignored' : 'default';
      this.emit({ t: this.now, dur: 0, cat: 'note', name: `--- ${name} ---`, pid: t.process.pid, tid: t.tid, detail: { action: what } });
      if (typeof action === 'function') {
        runSignalHandler(this, t, sig, action, ret);
        return true;
      }
      if (action === SIG_IGN || defaultIgnored.has(sig)) continue;
      killProcess(this, t.process, `killed by ${name}`);
      return true;
    }
    return false;
  }

  /** Back to user mode with `value`, for code outside this class (a signal handler's return). */
  resumeUser(t: Thread, value: number): void {
    if (t.pendingSignals.length > 0 && this.deliverSignals(t, value)) return;
    this.returnToUser(t, value);
  }

  /** Start user code on a thread that is in the kernel, in user mode (a signal handler). */
  enterUserFor(t: Thread): void {
    this.enterUser(t);
  }

  /** A thread's user code threw (also from a signal handler). */
  threw(t: Thread, err: unknown): void {
    this.userThrew(t, err);
  }

  // ---- sleeping and waking ---------------------------------------------------

  /**
   * prepare_to_wait() + schedule(): put the thread on the wait queues and give up the CPU.
   * Returns 'wake' or, if a timeout (ns) ran out first, 'timeout'. The caller re-checks
   * its condition in a loop, as every sleeping loop in the kernel does.
   */
  *sleepOn(t: Thread, queues: WaitQueue | WaitQueue[], why: string, timeout?: number, exclusive = false, jiffies = false): KGen<'wake' | 'timeout'> {
    const list = Array.isArray(queues) ? queues : [queues];
    t.blockedOn = why;
    t.wakeReason = 'wake';
    t.sleepEntries = list.map((q) => {
      const entry: WaitEntry = { exclusive, queue: null, func: () => this.wakeThread(t, 'wake') };
      if (exclusive) q.add(entry);
      else q.add(entry);
      return entry;
    });
    if (timeout !== undefined && timeout >= 0) {
      // hrtimer_start() on this CPU: the wakeup comes from its timer interrupt.
      // (schedule_timeout() uses a timer-wheel timer instead, in jiffies: `jiffies`.)
      const cpu = t.cpu?.id ?? Math.max(0, t.lastCpu);
      const wake = () => this.wakeThread(t, 'timeout');
      t.sleepTimer = jiffies ? this.timers.addTimer(cpu, timeout, wake) : this.timers.start(cpu, this.now + timeout, wake);
    }
    t.sleepHook?.blocked(t);
    yield { op: 'sleep' };
    return t.wakeReason;
  }

  /** autoremove_wake_function / the timer's callback: take the thread off every queue, make it runnable. */
  wakeThread(t: Thread, reason: 'wake' | 'timeout'): boolean {
    if (t.state !== 'blocked') return false;
    this.unsleep(t);
    t.wakeReason = reason;
    const waker =
      reason === 'timeout' ? 'timer' : this.atomic ? this.atomic.label : this.context && this.context !== t ? `tid ${this.context.tid}` : 'kernel';
    this.emit({ t: t.blockedSince, dur: this.now - t.blockedSince, cat: 'wait', name: t.blockedOn, pid: t.process.pid, tid: t.tid, detail: { woken_by: waker, reason } });
    this.emit({ t: this.now, dur: 0, cat: 'wakeup', name: reason === 'timeout' ? 'timeout' : 'wake_up', pid: t.process.pid, tid: t.tid, detail: { by: waker } });
    this.sched.makeRunnable(t);
    t.sleepHook?.woken(t);
    return true;
  }

  /** Remove the thread from the queues and timer it sleeps on. */
  unsleep(t: Thread): void {
    for (const e of t.sleepEntries) e.queue?.remove(e);
    t.sleepEntries = [];
    if (t.sleepTimer) {
      this.timers.cancel(t.sleepTimer);
      t.sleepTimer = null;
    }
  }

  /** wake_up() on a queue, charging the waker the cost of each thread woken. */
  *wakeUp(q: WaitQueue, mask?: number, nrExclusive = 1): KGen<number> {
    if (!q.active) return 0;
    const n = q.wake(mask, nrExclusive);
    if (n > 0) yield { op: 'cpu', ns: this.costs.wakeup * n, mode: 'kernel' };
    return n;
  }

  /** A note in the trace that explains a surprising result to the reader. */
  hint(t: Thread, message: string): void {
    this.emit({ t: this.now, dur: 0, cat: 'note', name: 'hint', pid: t.process.pid, tid: t.tid, detail: { message } });
  }

  /** What the simulator does not model fails loudly: ENOSYS, and a note that says what. */
  notModelled(t: Thread, what: string): number {
    this.warnings.push(`Not modelled: ${what}.`);
    this.emit({ t: this.now, dur: 0, cat: 'note', name: 'not modelled', pid: t.process.pid, tid: t.tid, detail: { message: what } });
    return -ENOSYS;
  }

  /** Kill a process from inside its own system call (SIGPIPE's default action, exit_group). */
  kill(p: Process, why: string): void {
    killProcess(this, p, why);
  }
}

function fmtMs(ns: number): string {
  return `${ns / 1e6} ms`;
}

/** Read through a function so the type checker does not narrow a state that kernel code may change. */
function isDead(t: Thread): boolean {
  return t.state === 'dead';
}
