// Wait queues, as in include/linux/wait.h and kernel/sched/wait.c.
//
// A wait queue is a list of entries, each with a wake function. A thread that must
// wait puts an entry on the queue and sleeps; whoever changes the condition calls
// wake(), which runs the entries' functions. epoll and poll hook in their own
// functions (ep_poll_callback, pollwake) the same way, which is the whole trick of
// readiness notification.
//
// Like the kernel's, the queue is a doubly-linked list threaded through its entries,
// so adding and removing cost the same with ten waiters or ten thousand (select() on
// 10,000 descriptors adds and removes that many entries on every call).

/** The poll mask of the event, passed to wake functions as Linux passes `key`. */
export type PollMask = number;

export interface WaitEntry {
  /** Returns true when the entry really woke someone (counts against nrExclusive). */
  func: (entry: WaitEntry, mask: PollMask) => boolean;
  /** Exclusive waiters are woken one at a time (WQ_FLAG_EXCLUSIVE): accept(), EPOLLEXCLUSIVE. */
  exclusive: boolean;
  queue: WaitQueue | null;
  /** The list links (struct list_head), kept by the queue. */
  prev?: WaitEntry | null;
  next?: WaitEntry | null;
}

export const WAKE_ALL_MASK: PollMask = 0xffffffff;

export class WaitQueue {
  private head: WaitEntry | null = null;
  private tail: WaitEntry | null = null;
  /** Number of entries on the queue. */
  size = 0;
  constructor(readonly name: string) {}

  /**
   * add_wait_queue() puts an entry at the head, so non-exclusive waiters are woken last
   * in, first out; exclusive entries go to the tail (add_wait_queue_exclusive), after
   * every non-exclusive one.
   */
  add(entry: WaitEntry): void {
    entry.queue = this;
    if (entry.exclusive) {
      entry.prev = this.tail;
      entry.next = null;
      if (this.tail) this.tail.next = entry;
      else this.head = entry;
      this.tail = entry;
    } else {
      entry.prev = null;
      entry.next = this.head;
      if (this.head) this.head.prev = entry;
      else this.tail = entry;
      this.head = entry;
    }
    this.size++;
  }

  /**
   * remove_wait_queue(). The entry keeps its `next` link, so a wake() walking the list
   * can step past an entry that its wake function just removed.
   */
  remove(entry: WaitEntry): void {
    if (entry.queue !== this) return;
    const { prev, next } = entry;
    if (prev) prev.next = next ?? null;
    else this.head = next ?? null;
    if (next) next.prev = prev ?? null;
    else this.tail = prev ?? null;
    entry.queue = null;
    this.size--;
  }

  get active(): boolean {
    return this.size > 0;
  }

  /** The entries, head first (for inspection). */
  get entries(): WaitEntry[] {
    const out: WaitEntry[] = [];
    for (let e = this.head; e; e = e.next ?? null) out.push(e);
    return out;
  }

  /**
   * __wake_up_common(): call each entry's function in order; stop after nrExclusive
   * exclusive entries have been woken. Returns the number of entries that woke.
   */
  wake(mask: PollMask = WAKE_ALL_MASK, nrExclusive = 1): number {
    let woken = 0;
    let exclusiveLeft = nrExclusive;
    // Wake functions may remove their own entry (autoremove_wake_function) or others.
    for (let e = this.head; e; e = e.next ?? null) {
      if (e.queue !== this) continue;
      const ok = e.func(e, mask);
      if (ok) woken++;
      if (ok && e.exclusive && --exclusiveLeft === 0) break;
    }
    return woken;
  }
}
