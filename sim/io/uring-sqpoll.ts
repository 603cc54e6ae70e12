// The SQPOLL thread (io_uring/sqpoll.c io_sq_thread): a kernel thread, iou-sqp-<pid>,
// that watches the submission ring so the program does not have to call
// io_uring_enter(). While there is work it consumes SQEs and runs completions (task
// work); with nothing to do it keeps polling, burning its CPU, for sq_thread_idle;
// then it sets IORING_SQ_NEED_WAKEUP and sleeps until the program wakes it with
// io_uring_enter(IORING_ENTER_SQ_WAKEUP).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { taskWorkRun } from '../kernel/task-work.js';
import { IORING_SQ_NEED_WAKEUP, takeSqe, type Ring } from './uring.js';
import { submitSqe } from './uring-ops.js';

/** How many SQEs one pass takes before it looks at completions again. */
const BATCH = 8;

export function* sqThread(k: Kernel, t: Thread, ring: Ring): KGen<number> {
  let lastWork = k.now;
  // The program moving the SQ tail, or a completion queueing task work, cuts the polling short.
  const kick = (): void => {
    if (t.spinning) k.sched.shortenStep(t);
  };
  ring.sq.onTail = kick;
  t.kick = kick;
  for (;;) {
    if (ring.dead) return 0;
    if (t.taskWork) {
      yield* taskWorkRun(k, t);
      lastWork = k.now;
      continue;
    }
    if (ring.sq.head !== ring.sq.tail) {
      for (let i = 0; i < BATCH; i++) {
        const sqe = takeSqe(ring);
        if (!sqe) break;
        yield* submitSqe(k, t, ring, sqe);
      }
      lastWork = k.now;
      continue;
    }
    const idleLeft = lastWork + ring.sqIdle - k.now;
    if (idleLeft <= 0) {
      ring.sq.flags |= IORING_SQ_NEED_WAKEUP;
      while (!ring.dead && !t.taskWork && ring.sq.head === ring.sq.tail) yield* k.sleepOn(t, [ring.sqWait, t.taskWorkWait], 'io_sq_thread');
      ring.sq.flags &= ~IORING_SQ_NEED_WAKEUP;
      lastWork = k.now;
      continue;
    }
    // Busy-poll the ring until the idle time is up or something arrives, a tick at most
    // at a time, giving the CPU up if the scheduler asks (cond_resched).
    t.spinning = true;
    yield { op: 'cpu', ns: Math.min(idleLeft, k.timers.tickPeriod), mode: 'kernel', label: 'io_sq_thread polling' };
    t.spinning = false;
    if (t.cpu?.needResched) yield { op: 'yield' };
  }
}
