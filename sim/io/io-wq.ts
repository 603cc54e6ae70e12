// io-wq (io_uring/io-wq.c): the worker threads io_uring hands a request to when it
// cannot be done without blocking (fsync, a buffered write), named iou-wrk-<pid>.
// Each worker takes requests in turn and may sleep in them; idle workers go away
// after a while (WORKER_IDLE_TIMEOUT, 5 s).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';

const WORKER_IDLE_TIMEOUT = 5_000_000_000;

export interface WqWork {
  run: (worker: Thread) => KGen<void>;
}

export class IoWq {
  private readonly queue: WqWork[] = [];
  private readonly wait = new WaitQueue('io_wq_worker');
  private workers = 0;
  private idle = 0;
  /** Bounded workers (for file work): at most 4 per CPU, like io-wq's default. */
  private readonly max: number;

  constructor(
    private readonly k: Kernel,
    private readonly ring: { owner: { pid: number }; dead: boolean },
  ) {
    this.max = 4 * k.sched.cpus.length;
  }

  /** io_wq_enqueue(): an idle worker takes it, or a new one is created. */
  enqueue(w: WqWork): void {
    this.queue.push(w);
    if (this.idle > 0) this.wait.wake(undefined, 1);
    else if (this.workers < this.max) {
      this.workers++;
      this.k.spawnKernelThread(`iou-wrk-${this.ring.owner.pid}`, null, (t) => this.worker(t));
    }
  }

  /** io_wq_worker(). */
  private *worker(t: Thread): KGen<number> {
    const k = this.k;
    for (;;) {
      while (this.queue.length === 0) {
        if (this.ring.dead) return this.exit();
        this.idle++;
        // schedule_timeout(WORKER_IDLE_TIMEOUT): a timer-wheel timer, run by the TIMER softirq.
        const why = yield* k.sleepOn(t, this.wait, 'io_wq_worker', WORKER_IDLE_TIMEOUT, true, true);
        this.idle--;
        if (why === 'timeout' && this.queue.length === 0) return this.exit();
      }
      yield* this.queue.shift()!.run(t);
    }
  }

  private exit(): number {
    this.workers--;
    return 0;
  }
}
