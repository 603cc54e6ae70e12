// Workqueues (kernel/workqueue.c, Documentation/core-api/workqueue.rst): deferred
// work that runs in a kernel thread, kworker/N:1, in process context. Unlike a
// softirq or tasklet, a work item may sleep: wait for a slow bus, take a mutex,
// allocate memory that needs reclaim. The price is a wakeup and a context switch.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';

/** struct work_struct: its function runs on the worker thread `t`, which it may put to sleep. */
export interface Work {
  name: string;
  run: (t: Thread, cpu: Cpu) => KGen<void>;
}

export class Workqueues {
  private readonly workers: (Thread | undefined)[] = [];
  private readonly lists: Work[][];
  private readonly wait: WaitQueue[];

  constructor(private readonly k: Kernel) {
    const n = k.sched.cpus.length;
    this.lists = Array.from({ length: n }, () => []);
    this.wait = Array.from({ length: n }, (_, i) => new WaitQueue(`kworker/${i}:1`));
  }

  /** queue_work_on(): run `work` in this CPU's kworker. */
  queue(cpu: Cpu, work: Work): void {
    this.lists[cpu.id]!.push(work);
    if (this.workers[cpu.id]) this.wait[cpu.id]!.wake();
    else this.workers[cpu.id] = this.k.spawnKernelThread(`kworker/${cpu.id}:1`, cpu.id, (t) => this.worker(t, cpu));
  }

  /** worker_thread(): take work items in order and run them; sleep when there are none. */
  private *worker(t: Thread, cpu: Cpu): KGen<number> {
    const list = this.lists[cpu.id]!;
    for (;;) {
      while (list.length === 0) yield* this.k.sleepOn(t, this.wait[cpu.id]!, 'worker_thread');
      const w = list.shift()!;
      yield* w.run(t, cpu);
    }
  }
}
