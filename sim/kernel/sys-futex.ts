// futex(2): the kernel half of every user-space lock and condition variable
// (kernel/futex/). A thread that finds a lock word busy asks the kernel to sleep
// "if the word still holds this value"; the thread that changes the word asks the
// kernel to wake sleepers on it. In between, uncontended locks never enter the kernel.
// The word is any object with a numeric `value` (an int in shared memory).

import type { Kernel } from './kernel.js';
import type { Thread } from './task.js';
import type { KGen } from './step.js';
import { work } from './step.js';
import { WaitQueue } from './waitqueue.js';
import { EAGAIN, EFAULT, EINVAL, ETIMEDOUT } from './errno.js';

/** A futex word: shared memory holding an int. */
export interface FutexWord {
  value: number;
}

/** The futex hash table: one wait queue per word. */
const queues = new WeakMap<Kernel, WeakMap<FutexWord, WaitQueue>>();

function queueOf(k: Kernel, word: FutexWord): WaitQueue {
  let table = queues.get(k);
  if (!table) queues.set(k, (table = new WeakMap()));
  let q = table.get(word);
  if (!q) table.set(word, (q = new WaitQueue('futex')));
  return q;
}

/** FUTEX_WAIT: sleep if word.value is still `expected` (else EAGAIN), until woken or the timeout (ns). */
export function* sysFutexWait(k: Kernel, t: Thread, word: FutexWord, expected: number, timeout?: number): KGen<number> {
  if (typeof word !== 'object' || word === null || typeof word.value !== 'number') return -EFAULT;
  if (timeout !== undefined && !(timeout >= 0)) return -EINVAL;
  yield* work(k.costs.fileOp);
  if (word.value !== expected) return -EAGAIN;
  const why = yield* k.sleepOn(t, queueOf(k, word), 'futex_wait', timeout, true);
  return why === 'timeout' ? -ETIMEDOUT : 0;
}

/** FUTEX_WAKE: wake up to `n` sleepers on the word; returns how many. */
export function* sysFutexWake(k: Kernel, t: Thread, word: FutexWord, n: number): KGen<number> {
  void t;
  if (typeof word !== 'object' || word === null) return -EFAULT;
  yield* work(k.costs.fileOp);
  return yield* k.wakeUp(queueOf(k, word), undefined, Math.max(0, n));
}
