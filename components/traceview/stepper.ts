// The cursor's stops: events in time order, restricted by the filters. Stepping
// backward is as cheap as forward: every view derives its state from the trace at the
// cursor's time, so nothing has to be undone.

import type { Category } from 'inside-io';
import { STEP_CATEGORIES, type TraceModel } from './model';

export interface Cursor {
  t: number;
  /** Position in model.sorted of the event the cursor is on, or -1 between events. */
  pos: number;
}

export class Stepper {
  /** Positions in model.sorted, ascending. */
  list: Int32Array = new Int32Array(0);

  constructor(private m: TraceModel) {}

  setFilter(categories: ReadonlySet<Category>, hiddenTids: ReadonlySet<number>): void {
    const out: number[] = [];
    this.m.sorted.forEach((e, i) => {
      if (!STEP_CATEGORIES.has(e.cat) || !categories.has(e.cat)) return;
      if (e.tid !== undefined && hiddenTids.has(e.tid)) return;
      out.push(i);
    });
    this.list = Int32Array.from(out);
  }

  /** Index in `list` of the first stop strictly after the cursor. */
  private after(c: Cursor): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.list[mid]!;
      const t = this.m.sorted[p]!.t;
      if (t < c.t || (t === c.t && p <= c.pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  next(c: Cursor): Cursor | null {
    const i = this.after(c);
    const p = this.list[i];
    return p === undefined ? null : { t: this.m.sorted[p]!.t, pos: p };
  }

  prev(c: Cursor): Cursor | null {
    // The last stop strictly before the cursor: before its time, or at its time with a smaller position.
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.list[mid]!;
      const t = this.m.sorted[p]!.t;
      if (t < c.t || (t === c.t && c.pos >= 0 && p < c.pos)) lo = mid + 1;
      else hi = mid;
    }
    const p = this.list[lo - 1];
    return p === undefined ? null : { t: this.m.sorted[p]!.t, pos: p };
  }

  first(): Cursor | null {
    const p = this.list[0];
    return p === undefined ? null : { t: this.m.sorted[p]!.t, pos: p };
  }

  last(): Cursor | null {
    const p = this.list[this.list.length - 1];
    return p === undefined ? null : { t: this.m.sorted[p]!.t, pos: p };
  }

  /** The stop nearest to time t (for a cursor dropped or dragged there). */
  nearest(t: number): Cursor | null {
    const c = this.next({ t, pos: -1 });
    const b = this.prev({ t, pos: -1 });
    if (!c) return b;
    if (!b) return c;
    return c.t - t < t - b.t ? c : b;
  }
}
