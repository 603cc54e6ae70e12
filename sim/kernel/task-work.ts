// task_work (kernel/task_work.c): work queued to run in the context of a particular
// thread, the next time that thread is in the kernel on its way back to user space
// (exit_to_user_mode_loop → task_work_run), or sooner if it is sleeping somewhere that
// checks for it (io_uring_enter's wait does). io_uring uses it to finish requests in
// the submitter's own context: the interrupt that ended a read only queues the work.

import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { KGen } from './step.js';

export type TaskWork = () => KGen<void>;

/** task_work_add(t, work, TWA_SIGNAL): queue it and wake the thread if it sleeps where task work is run. */
export function taskWorkAdd(t: Thread, work: TaskWork): void {
  (t.taskWork ??= []).push(work);
  t.taskWorkWait.wake();
  t.kick?.();
}

/** task_work_run(): run what is queued, including what that queues. */
export function* taskWorkRun(k: Kernel, t: Thread): KGen<void> {
  void k;
  while (t.taskWork) {
    const list = t.taskWork;
    t.taskWork = null;
    for (const w of list) yield* w();
  }
}
