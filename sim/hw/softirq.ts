// Softirqs: the kernel's fixed set of bottom halves (kernel/softirq.c).
//
// A top half raises a softirq by setting a bit in its CPU's pending mask; the
// softirq then runs on that same CPU when the hard interrupt returns (irq_exit), with
// interrupts enabled again but still in atomic context: it must not sleep either.
// A run handles every pending softirq, and restarts while new ones arrive, for at
// most 2 ms or 10 rounds or until the running thread needs the CPU (need_resched);
// what is left goes to the CPU's ksoftirqd/N kernel thread, which the scheduler
// treats like any other thread. That is how a flood of packets stops starving
// programs. (Linux 6.5 reverted "softirq: Let ksoftirqd do its job", commit
// d15121be7485: irq_exit runs softirqs again even while ksoftirqd is awake.)

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { Thread } from '../kernel/task.js';
import type { KGen, Step } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';

// softirq_to_name[] order: lower numbers run first.
export const HI_SOFTIRQ = 0;
export const TIMER_SOFTIRQ = 1;
export const NET_TX_SOFTIRQ = 2;
export const NET_RX_SOFTIRQ = 3;
export const BLOCK_SOFTIRQ = 4;
export const IRQ_POLL_SOFTIRQ = 5;
export const TASKLET_SOFTIRQ = 6;
export const SCHED_SOFTIRQ = 7;
export const HRTIMER_SOFTIRQ = 8;
export const RCU_SOFTIRQ = 9;
export const SOFTIRQ_NAMES = ['HI', 'TIMER', 'NET_TX', 'NET_RX', 'BLOCK', 'IRQ_POLL', 'TASKLET', 'SCHED', 'HRTIMER', 'RCU'];

/** MAX_SOFTIRQ_TIME (2 ms) and MAX_SOFTIRQ_RESTART (10), kernel/softirq.c. */
export const MAX_SOFTIRQ_TIME = 2_000_000;
export const MAX_SOFTIRQ_RESTART = 10;

/** A softirq's handler (struct softirq_action): kernel code in softirq context. */
export type SoftirqAction = (cpu: Cpu) => KGen<void>;

/** struct tasklet_struct: deferred work that runs in TASKLET_SOFTIRQ. */
export interface Tasklet {
  name: string;
  run: (cpu: Cpu) => KGen<void>;
}

export class Softirqs {
  private readonly actions: (SoftirqAction | undefined)[] = [];
  private readonly daemons: (Thread | undefined)[] = [];
  private readonly daemonWait: WaitQueue[];
  private readonly tasklets: Tasklet[][];
  /** /proc/softirqs: runs per CPU and softirq. */
  readonly counts: number[][];

  constructor(private readonly k: Kernel) {
    const n = k.sched.cpus.length;
    this.daemonWait = Array.from({ length: n }, (_, i) => new WaitQueue(`ksoftirqd/${i}`));
    this.tasklets = Array.from({ length: n }, () => []);
    this.counts = Array.from({ length: n }, () => SOFTIRQ_NAMES.map(() => 0));
    this.open(TASKLET_SOFTIRQ, (cpu) => this.runTasklets(cpu));
  }

  /** open_softirq(). */
  open(nr: number, action: SoftirqAction): void {
    this.actions[nr] = action;
  }

  /** raise_softirq(): mark it pending on this CPU; outside interrupt context, wake ksoftirqd to run it. */
  raise(cpu: Cpu, nr: number): void {
    cpu.softirqPending |= 1 << nr;
    if (cpu.frames.length === 0) this.wakeDaemon(cpu);
  }

  /** tasklet_schedule(): queue on this CPU's tasklet list and raise TASKLET_SOFTIRQ. */
  taskletSchedule(cpu: Cpu, tasklet: Tasklet): void {
    this.tasklets[cpu.id]!.push(tasklet);
    this.raise(cpu, TASKLET_SOFTIRQ);
  }

  /** tasklet_action(): run the tasklets queued so far, in order. */
  private *runTasklets(cpu: Cpu): KGen<void> {
    const list = this.tasklets[cpu.id]!.splice(0);
    for (const t of list) yield* t.run(cpu);
  }

  /**
   * handle_softirqs(): run every pending softirq, lowest number first; restart while
   * more are raised, within the limits; leave the rest to ksoftirqd. `label` names the
   * softirq running now, for the trace.
   */
  *run(cpu: Cpu, label: (name: string) => void): KGen<void> {
    const k = this.k;
    const end = k.now + MAX_SOFTIRQ_TIME;
    let restart = MAX_SOFTIRQ_RESTART;
    for (;;) {
      let pending = cpu.softirqPending;
      cpu.softirqPending = 0;
      for (let nr = 0; pending !== 0; nr++, pending >>>= 1) {
        if ((pending & 1) === 0) continue;
        label(SOFTIRQ_NAMES[nr]!);
        this.counts[cpu.id]![nr]!++;
        yield* work(k.costs.softirqEntry);
        const action = this.actions[nr];
        if (action) yield* action(cpu);
      }
      if (cpu.softirqPending === 0) return;
      if (k.now < end && !cpu.needResched && --restart > 0) continue;
      this.wakeDaemon(cpu);
      return;
    }
  }

  /** wakeup_softirqd(): start or wake this CPU's ksoftirqd. */
  private wakeDaemon(cpu: Cpu): void {
    const d = this.daemons[cpu.id];
    if (d) {
      this.daemonWait[cpu.id]!.wake();
      return;
    }
    this.daemons[cpu.id] = this.k.spawnKernelThread(`ksoftirqd/${cpu.id}`, cpu.id, (t) => this.daemon(t, cpu));
  }

  /** run_ksoftirqd(): the same softirq run, in a thread the scheduler can put aside. */
  private *daemon(t: Thread, cpu: Cpu): KGen<number> {
    const k = this.k;
    for (;;) {
      while (cpu.softirqPending === 0) yield* k.sleepOn(t, this.daemonWait[cpu.id]!, 'ksoftirqd');
      let name = 'softirq';
      const body = this.run(cpu, (n) => (name = n));
      t.servingSoftirq = true;
      for (let r = body.next(); !r.done; r = body.next()) {
        const step: Step = r.value;
        if (step.op === 'sleep') {
          k.irq.schedulingWhileAtomic(cpu, 'a softirq handler tried to sleep', undefined, true);
          yield step;
          return 0;
        }
        if (step.op === 'cpu') yield { op: 'cpu', ns: step.ns, mode: 'softirq', label: name };
      }
      t.servingSoftirq = false;
      yield { op: 'yield' }; // cond_resched()
    }
  }
}
