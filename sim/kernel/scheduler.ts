// The scheduler: CPUs, the run queue, context switches, and what each CPU is doing
// at every instant (its mode), recorded as slices in the trace.
//
// A deliberately small model of kernel/sched/: one FIFO run queue shared by all CPUs,
// a woken thread goes to its previous CPU if idle (wake affinity, select_task_rq_fair),
// else to the lowest idle CPU, else to the run queue; a running thread keeps its CPU
// until it sleeps, exits, or uses up its timeslice while others wait.

import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { Category } from '../trace/event.js';

/** What a CPU is doing: 'idle' is recorded as the absence of slices. */
export type Mode = 'idle' | 'user' | 'kernel' | 'sched' | 'irq' | 'softirq';

export class Cpu {
  /** The thread on this CPU, or switching onto it. */
  current: Thread | null = null;
  mode: Mode = 'idle';
  modeTid: number | undefined = undefined;
  since = 0;
  /**
   * Returning to user mode is recorded lazily: user code between two system calls
   * takes no virtual time, so a thread that goes straight back into the kernel keeps
   * one kernel slice instead of thousands of empty user ones.
   */
  userSince: number | null = null;
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

  /** The thread leaves its CPU (it sleeps, yields or dies); the CPU picks the next thread. */
  release(t: Thread): void {
    const cpu = t.cpu;
    if (!cpu) return;
    t.cpu = null;
    t.lastCpu = cpu.id;
    cpu.current = null;
    this.setMode(cpu, 'idle', undefined);
    const next = this.runQueue.shift();
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

  private idleCpuFor(t: Thread): Cpu | null {
    const prev = this.cpus[t.lastCpu];
    if (prev && !prev.current) return prev;
    return this.cpus.find((c) => !c.current) ?? null;
  }

  /** __schedule() + context_switch(): costs contextSwitch ns of kernel time on the CPU. */
  private switchTo(cpu: Cpu, next: Thread): void {
    const k = this.k;
    cpu.current = next;
    const start = k.now;
    this.setMode(cpu, 'sched', next.tid);
    k.queue.at(start + k.costs.contextSwitch, () => {
      if (next.state === 'dead') {
        // Killed while we were switching to it.
        cpu.current = null;
        this.setMode(cpu, 'idle', undefined);
        const other = this.runQueue.shift();
        if (other) this.switchTo(cpu, other);
        return;
      }
      this.closeSlice(cpu, k.now, 'context switch', { next: next.tid });
      cpu.mode = 'kernel';
      cpu.modeTid = next.tid;
      cpu.since = k.now;
      if (next.runnableSince < start) {
        k.emit({ t: next.runnableSince, dur: start - next.runnableSince, cat: 'sched', name: 'runnable', pid: next.process.pid, tid: next.tid, detail: { waited: 'for a CPU' } });
      }
      next.state = 'running';
      next.cpu = cpu;
      next.sliceStart = k.now;
      k.dispatch(next);
    });
  }

  /** Change what a CPU is doing, closing the previous slice in the trace. */
  setMode(cpu: Cpu, mode: Mode, tid: number | undefined): void {
    const now = this.k.now;
    if (mode === 'user' && cpu.mode === 'kernel' && cpu.modeTid === tid) {
      if (cpu.userSince === null) cpu.userSince = now;
      return;
    }
    if (cpu.userSince !== null) {
      const at = cpu.userSince;
      cpu.userSince = null;
      if (at === now && mode === cpu.mode && tid === cpu.modeTid) return; // straight back in: one slice
      this.closeSlice(cpu, at);
      cpu.mode = 'user';
      cpu.modeTid = tid;
      cpu.since = at;
    }
    if (mode === cpu.mode && tid === cpu.modeTid) return;
    this.closeSlice(cpu, now);
    cpu.mode = mode;
    cpu.modeTid = tid;
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
      name: name ?? sliceName[cpu.mode],
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
