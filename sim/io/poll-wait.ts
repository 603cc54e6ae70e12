// How select() and poll() wait on many files at once (fs/select.c: struct poll_wqueues,
// __pollwait, pollwake, poll_schedule_timeout, poll_freewait).
//
// The first pass over the descriptors calls each file's ->poll with this table, and
// ->poll calls table.wait(queue) (poll_wait) for every wait queue it may be woken from:
// the caller gets an entry on each. Later passes in the same call do not register again.
// When any of those files changes, pollwake() wakes the caller, which scans everything
// again. At the end of the call every entry is taken off (poll_freewait): the next call
// starts from nothing. That is the O(n) per call that epoll avoids.

import type { PollTable, FileObject, OpenFile } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { WAKE_ALL_MASK, type PollMask, type WaitEntry, type WaitQueue } from '../kernel/waitqueue.js';
import { POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/poll.js';

/** DEFAULT_POLLMASK: what a file without ->poll reports (always ready). */
export const DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

/** vfs_poll(). */
export function vfsPoll(k: Kernel, f: OpenFile, table: PollTable | null): PollMask {
  const obj: FileObject = f.obj;
  return obj.poll ? obj.poll(k, f, table) : DEFAULT_POLLMASK;
}

export class PollWaitTable implements PollTable {
  private entries: WaitEntry[] = [];
  /** Set by pollwake(): something changed since the last scan. */
  triggered = false;
  /** pt->_key: the events wanted from the file being polled now; pollwake ignores others. */
  key: PollMask = WAKE_ALL_MASK;
  /** pt->_qproc: cleared after the first pass, so rescans do not register again. */
  registering = true;

  constructor(
    private readonly k: Kernel,
    private readonly t: Thread,
  ) {}

  get registered(): number {
    return this.entries.length;
  }

  /** __pollwait(): an entry on the file's wait queue whose function is pollwake(). */
  wait(queue: WaitQueue): void {
    if (!this.registering) return;
    const key = this.key;
    const entry: WaitEntry = { exclusive: false, queue: null, func: (_e, mask) => this.pollwake(mask, key) };
    queue.add(entry);
    this.entries.push(entry);
  }

  /** pollwake(): a wakeup for events we do not care about is ignored. */
  private pollwake(mask: PollMask, key: PollMask): boolean {
    if (mask !== WAKE_ALL_MASK && !(mask & key)) return false;
    this.triggered = true;
    return this.k.wakeThread(this.t, 'wake');
  }

  /** poll_schedule_timeout(): sleep unless a wakeup already came; 'timeout' when the deadline passed. */
  *sleep(why: string, deadline: number | null): KGen<'wake' | 'timeout'> {
    let r: 'wake' | 'timeout' = 'wake';
    if (!this.triggered) {
      if (deadline !== null && deadline <= this.k.now) r = 'timeout';
      else r = yield* this.k.sleepOn(this.t, [], why, deadline === null ? undefined : deadline - this.k.now);
    }
    this.triggered = false;
    return r;
  }

  /** poll_freewait(): off every wait queue. */
  free(): void {
    for (const e of this.entries) e.queue?.remove(e);
    this.entries = [];
  }
}
