// Wait queues, as in include/linux/wait.h and kernel/sched/wait.c.
//
// A wait queue is a list of entries, each with a wake function. A thread that must
// wait puts an entry on the queue and sleeps; whoever changes the condition calls
// wake(), which runs the entries' functions. epoll and poll hook in their own
// functions (ep_poll_callback, pollwake) the same way, which is the whole trick of
// readiness notification.

/** The poll mask of the event, passed to wake functions as Linux passes `key`. */
export type PollMask = number;

export interface WaitEntry {
  /** Returns true when the entry really woke someone (counts against nrExclusive). */
  func: (entry: WaitEntry, mask: PollMask) => boolean;
  /** Exclusive waiters are woken one at a time (WQ_FLAG_EXCLUSIVE): accept(), EPOLLEXCLUSIVE. */
  exclusive: boolean;
  queue: WaitQueue | null;
}

export const WAKE_ALL_MASK: PollMask = 0xffffffff;

export class WaitQueue {
  readonly entries: WaitEntry[] = [];
  constructor(readonly name: string) {}

  /**
   * add_wait_queue() puts an entry at the head, so non-exclusive waiters are woken last
   * in, first out; exclusive entries go to the tail (add_wait_queue_exclusive), after
   * every non-exclusive one.
   */
  add(entry: WaitEntry): void {
    entry.queue = this;
    if (entry.exclusive) this.entries.push(entry);
    else this.entries.unshift(entry);
  }

  remove(entry: WaitEntry): void {
    const i = this.entries.indexOf(entry);
    if (i >= 0) this.entries.splice(i, 1);
    entry.queue = null;
  }

  get active(): boolean {
    return this.entries.length > 0;
  }

  /**
   * __wake_up_common(): call each entry's function in order; stop after nrExclusive
   * exclusive entries have been woken. Returns the number of entries that woke.
   */
  wake(mask: PollMask = WAKE_ALL_MASK, nrExclusive = 1): number {
    let woken = 0;
    let exclusiveLeft = nrExclusive;
    // Copy: wake functions may remove their own entry (autoremove_wake_function).
    for (const entry of this.entries.slice()) {
      if (entry.queue !== this) continue;
      const ok = entry.func(entry, mask);
      if (ok) woken++;
      if (ok && entry.exclusive && --exclusiveLeft === 0) break;
    }
    return woken;
  }
}
