// The visible window of time, [t0, t1] in nanoseconds, and the rules for moving it:
// zoom around a point, pan, fit the whole run. Several views can share one viewport
// (a comparison's stacked traces zoom together).

export class Viewport {
  t0 = 0;
  t1 = 1;
  /** The run's span; the window never leaves [0, end] by more than a margin. */
  end = 1;
  private listeners = new Set<() => void>();

  /** Narrowest window: 20 ns (one event queue step is 1 ns; nothing useful is narrower). */
  static readonly MIN_SPAN = 20;

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  get span(): number {
    return this.t1 - this.t0;
  }

  setEnd(end: number): void {
    this.end = Math.max(end, 1);
  }

  /** The whole run, with a little room at the right edge. */
  fit(): void {
    this.set(0, this.end * 1.02);
  }

  set(t0: number, t1: number): void {
    let span = Math.max(Viewport.MIN_SPAN, t1 - t0);
    const maxSpan = this.end * 1.5;
    span = Math.min(span, maxSpan);
    let a = t0;
    // Keep some of the run in view.
    a = Math.max(-span * 0.25, Math.min(a, this.end - span * 0.75));
    if (a === this.t0 && a + span === this.t1) return;
    this.t0 = a;
    this.t1 = a + span;
    this.changed();
  }

  /** Zoom by `factor` (< 1 zooms in) keeping time `at` under the same pixel. */
  zoom(factor: number, at = (this.t0 + this.t1) / 2): void {
    const f = Math.max(0.02, Math.min(50, factor));
    this.set(at - (at - this.t0) * f, at + (this.t1 - at) * f);
  }

  pan(dt: number): void {
    this.set(this.t0 + dt, this.t1 + dt);
  }

  /** Make sure time `t` is visible (for a cursor that steps off screen). */
  reveal(t: number): void {
    const margin = this.span * 0.08;
    if (t < this.t0 + margin) this.pan(t - margin - this.t0);
    else if (t > this.t1 - margin) this.pan(t + margin - this.t1);
  }

  x(t: number, width: number): number {
    return ((t - this.t0) / this.span) * width;
  }

  time(x: number, width: number): number {
    return this.t0 + (x / width) * this.span;
  }
}
