// The one event queue of the discrete-event kernel: a binary min-heap ordered by
// (time, insertion sequence). Ties are broken by insertion order, which is what
// makes a run deterministic: the same program always sees the same interleaving.

import type { Nanoseconds } from './time.js';

export interface Timer {
  time: Nanoseconds;
  seq: number;
  fire: () => void;
  /** Cancelled timers stay in the heap and are skipped when popped (lazy deletion). */
  cancelled: boolean;
}

export class EventQueue {
  private heap: Timer[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  at(time: Nanoseconds, fire: () => void): Timer {
    const timer: Timer = { time, seq: this.nextSeq++, fire, cancelled: false };
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = timer;
    return timer;
  }

  /** The earliest live timer, removed from the queue; undefined when empty. */
  pop(): Timer | undefined {
    for (;;) {
      const top = this.popRaw();
      if (top === undefined || !top.cancelled) return top;
    }
  }

  /** Time of the earliest live timer without removing it. */
  peekTime(): Nanoseconds | undefined {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.popRaw();
    return this.heap[0]?.time;
  }

  private popRaw(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    if (top === undefined) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && before(h[r]!, h[l]!) ? r : l;
        if (!before(h[child]!, last)) break;
        h[i] = h[child]!;
        i = child;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
