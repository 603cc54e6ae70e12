// The scheduler: CPUs, the run queue, context switches, and what each CPU is doing
// at every instant (its mode), recorded as slices in the trace.
//
// A deliberately small model of kernel/sched/: one FIFO run queue shared by all CPUs,
// a woken thread goes to its previous CPU if idle (wake affinity, select_task_rq_fair),
// else to the lowest idle CPU, else to the run queue; a running thread keeps its CPU
// until it sleeps, exits, or the timer tick finds its timeslice used up while others
// wait (need_resched), which takes effect at the next return to user mode.
//
// Interrupts (sim/hw/irq.ts) borrow a CPU from whatever runs on it: the work of the
// "task context" (a thread's step, a context switch) is held while they run and
// resumes afterwards, pushed back by exactly the time they took.

import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { Timer } from './event-queue.js';
import type { Category } from '../trace/event.js';
import type { IrqFrame, PendingIrq } from '../hw/irq.js';

/** What a CPU is doing: 'idle' is recorded as the absence of slices. */
export type Mode = 'idle' | 'user' | 'kernel' | 'sched' | 'irq' | 'softirq';

/** Work of the task context that an interrupt put on hold: `left` ns of `mode`, then `fire`. */
export interface Held {
  left: number;
  fire: () => void;
  mode: Mode;
  tid: number | undefined;
  label?: string;
}

export class Cpu {
  /** The thread on this CPU, or switching onto it. */
  current: Thread | null = null;
  mode: Mode = 'idle';
  modeTid: number | undefined = undefined;
  /** Name of the current slice when it is not the mode's generic one ("irq 24: eth0", "NET_RX"). */
  label: string | undefined = undefined;
  since = 0;
  /**
   * Returning to user mode is recorded lazily: user code between two system calls
   * takes no virtual time, so a thread that goes straight back into the kernel keeps
   * one kernel slice instead of thousands of empty user ones.
   */
  userSince: number | null = null;
  /** The event that ends the task context's current step (a thread's CPU step, a context switch). */
  busy: Timer | null = null;
  /** Interrupt frames running on this CPU, innermost last. Non-empty means atomic context. */
  readonly frames: IrqFrame[] = [];
  /** What the task context had left to do when an interrupt came in. */
  held: Held | null = null;
  /** Interrupts raised while this CPU had them disabled (in a hard-irq handler, in a context switch). */
  readonly pendingIrqs: PendingIrq[] = [];
  /** TIF_NEED_RESCHED: the tick found the running thread's timeslice used up. */
  needResched = false;
  /** In __schedule(): interrupts are disabled until the switch is done. */
  switching = false;
  /** Pending softirqs, one bit per softirq number (the per-CPU __softirq_pending). */
  softirqPending = 0;
  constructor(readonly id: number) {}
}

export class Scheduler {
  readonly cpus: Cpu[];
  readonly runQueue: Thread[] = [];

  constructor(private readonly k: Kernel, count: number) {
    this.cpus = Array.from({ length: count }, (_, i) => new Cpu(i));
  }

  /** try_to_wake_up(): the thread becomes runnable and gets a CPU if one is idle. */
  makeRunnable(t: Thread): void {
    t.state = 'runnable';
    t.runnableSince = this.k.now;
    const cpu = this.idleCpuFor(t);
    if (cpu) this.switchTo(cpu, t);
    else this.runQueue.push(t);
  }

  /** The thread leaves its CPU (it sleeps, yields, is preempted or dies); the CPU picks the next thread. */
  release(t: Thread): void {
    const cpu = t.cpu;
    if (!cpu) return;
    t.cpu = null;
    t.lastCpu = cpu.id;
    cpu.current = null;
    cpu.needResched = false;
    if (cpu.busy) {
      cpu.busy.cancelled = true; // the thread was killed in the middle of a step
      cpu.busy = null;
    }
    cpu.held = null;
    if (cpu.frames.length === 0) this.setMode(cpu, 'idle', undefined);
    const next = this.nextFor(cpu);
    if (next) this.switchTo(cpu, next);
  }

  /** Remove a thread that is waiting for a CPU (it was killed). */
  dequeue(t: Thread): void {
    const i = this.runQueue.indexOf(t);
    if (i >= 0) this.runQueue.splice(i, 1);
  }

  get othersWaiting(): boolean {
    return this.runQueue.length > 0;
  }

  /** Is a thread that may run on `cpu` waiting for a CPU? */
  waitingFor(cpu: Cpu): boolean {
    for (const t of this.runQueue) if (t.affinity === null || t.affinity === cpu.id) return true;
    return false;
  }

  /** pick_next_task(): the first thread in the run queue allowed on this CPU. */
  private nextFor(cpu: Cpu): Thread | undefined {
    const q = this.runQueue;
    for (let i = 0; i < q.length; i++) {
      const t = q[i]!;
      if (t.affinity === null || t.affinity === cpu.id) {
        q.splice(i, 1);
        return t;
      }
    }
    return undefined;
  }

  private idleCpuFor(t: Thread): Cpu | null {
    if (t.affinity !== null) {
      const own = this.cpus[t.affinity];
      return own && !own.current ? own : null;
    }
    const prev = this.cpus[t.lastCpu];
    if (prev && !prev.current) return prev;
    return this.cpus.find((c) => !c.current) ?? null;
  }

  /** The thread is preempted with `held` work left (the tick's need_resched, acted on at irq exit). */
  preempt(t: Thread, held: Held): void {
    t.held = held;
    this.release(t);
    this.makeRunnable(t);
  }

  /**
   * Occupy the CPU's task context in `mode` for `ns`, then call `fire`. While an
   * interrupt runs on the CPU the work waits for it (interrupts come first).
   */
  runTask(cpu: Cpu, mode: Mode, tid: number | undefined, ns: number, fire: () => void): void {
    if (cpu.frames.length > 0) {
      cpu.held = { left: ns, fire, mode, tid };
      return;
    }
    this.setMode(cpu, mode, tid);
    cpu.busy = this.k.queue.at(this.k.now + ns, fire);
  }

  /**
   * End now the step a running thread is in the middle of (a polling loop that has just
   * been handed work): the time it spent so far stays spent.
   */
  shortenStep(t: Thread): void {
    const cpu = t.cpu;
    if (!cpu || cpu.current !== t) {
      if (t.held && t.held.fire === t.cont) t.held.left = 0; // preempted in the middle of it
      return;
    }
    const b = cpu.busy;
    if (b && b.fire === t.cont && b.time > this.k.now) {
      b.cancelled = true;
      cpu.busy = this.k.queue.at(this.k.now, t.cont);
    } else if (cpu.held && cpu.held.fire === t.cont) cpu.held.left = 0;
  }

  /** An interrupt arrives: put the task context's work on hold (called when the first frame is pushed). */
  holdTask(cpu: Cpu): void {
    const b = cpu.busy;
    if (b) {
      b.cancelled = true;
      cpu.busy = null;
      const mode = cpu.userSince !== null ? 'user' : cpu.mode;
      cpu.held = { left: b.time - this.k.now, fire: b.fire, mode, tid: cpu.modeTid, label: cpu.label };
    }
  }

  /**
   * The last interrupt frame returned: the task context continues where it was,
   * unless the tick asked for a reschedule and we are returning to user mode
   * (irqentry_exit_to_user_mode → schedule()).
   */
  resumeTask(cpu: Cpu): void {
    const h = cpu.held;
    cpu.held = null;
    if (!h) {
      this.setMode(cpu, 'idle', undefined);
      return;
    }
    const t = cpu.current;
    if (h.mode === 'user' && t && cpu.needResched && this.waitingFor(cpu)) {
      this.preempt(t, h);
      return;
    }
    this.setMode(cpu, h.mode, h.tid, h.label);
    cpu.switching = h.mode === 'sched';
    cpu.busy = this.k.queue.at(this.k.now + h.left, h.fire);
  }

  /** __schedule() + context_switch(): costs contextSwitch ns of kernel time on the CPU. */
  private switchTo(cpu: Cpu, next: Thread): void {
    const k = this.k;
    cpu.current = next;
    k.timers.startTick(cpu);
    const done = (): void => {
      const start = k.now - k.costs.contextSwitch;
      cpu.busy = null;
      cpu.switching = false;
      if (next.state === 'dead') {
        // Killed while we were switching to it.
        cpu.current = null;
        this.setMode(cpu, 'idle', undefined);
        const other = this.nextFor(cpu);
        if (other) this.switchTo(cpu, other);
        return;
      }
      this.closeSlice(cpu, k.now, 'context switch', { next: next.tid });
      cpu.mode = 'kernel';
      cpu.modeTid = next.tid;
      cpu.label = undefined;
      cpu.since = k.now;
      cpu.needResched = false;
      if (next.runnableSince < start) {
        k.emit({ t: next.runnableSince, dur: start - next.runnableSince, cat: 'sched', name: 'runnable', pid: next.process.pid, tid: next.tid, detail: { waited: 'for a CPU' } });
      }
      next.state = 'running';
      next.cpu = cpu;
      next.sliceStart = k.now;
      // Interrupts that came during the switch were held back; they run before the thread does.
      if (cpu.pendingIrqs.length > 0) {
        cpu.held = { left: 0, fire: () => k.dispatch(next), mode: 'kernel', tid: next.tid };
        k.irq.deliverHeld(cpu);
        return;
      }
      k.dispatch(next);
    };
    if (cpu.frames.length > 0) {
      cpu.held = { left: k.costs.contextSwitch, fire: done, mode: 'sched', tid: next.tid };
      return;
    }
    this.setMode(cpu, 'sched', next.tid);
    cpu.switching = true;
    cpu.busy = k.queue.at(k.now + k.costs.contextSwitch, done);
  }

  /** Change what a CPU is doing, closing the previous slice in the trace. */
  setMode(cpu: Cpu, mode: Mode, tid: number | undefined, label?: string): void {
    const now = this.k.now;
    if (mode === 'user' && cpu.mode === 'kernel' && cpu.modeTid === tid) {
      if (cpu.userSince === null) cpu.userSince = now;
      return;
    }
    if (cpu.userSince !== null) {
      const at = cpu.userSince;
      cpu.userSince = null;
      if (at === now && mode === cpu.mode && tid === cpu.modeTid && label === cpu.label) return; // straight back in: one slice
      this.closeSlice(cpu, at);
      cpu.mode = 'user'; // of the same thread: modeTid stays
      cpu.label = undefined;
      cpu.since = at;
    }
    if (mode === cpu.mode && tid === cpu.modeTid && label === cpu.label) return;
    this.closeSlice(cpu, now);
    cpu.mode = mode;
    cpu.modeTid = tid;
    cpu.label = label;
    cpu.since = now;
  }

  /** Record the CPU's current slice as ending at `end`. */
  closeSlice(cpu: Cpu, end: number, name?: string, detail?: Record<string, number>): void {
    if (cpu.mode === 'idle' || end <= cpu.since) return;
    const cat: Category = cpu.mode;
    const t = cpu.modeTid === undefined ? undefined : this.k.threadById(cpu.modeTid);
    this.k.emit({
      t: cpu.since,
      dur: end - cpu.since,
      cat,
      name: name ?? cpu.label ?? sliceName[cpu.mode],
      cpu: cpu.id,
      pid: t?.process.pid,
      tid: cpu.modeTid,
      detail,
    });
    cpu.since = end;
  }

  /** At the end of a run, record the slices still open. */
  flush(): void {
    for (const cpu of this.cpus) {
      if (cpu.userSince !== null) {
        this.closeSlice(cpu, cpu.userSince);
        cpu.userSince = null;
        cpu.mode = 'user';
        cpu.label = undefined;
      }
      this.closeSlice(cpu, this.k.now);
    }
  }
}

const sliceName: Record<Mode, string> = {
  idle: 'idle',
  user: 'user mode',
  kernel: 'kernel mode',
  sched: 'context switch',
  irq: 'hard interrupt',
  softirq: 'softirq',
};
