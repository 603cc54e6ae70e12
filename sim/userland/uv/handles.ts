// Handles (uv_handle_t and the simple kinds: timers, idle, prepare, check).

import type { UvLoop } from './loop.js';

/** A callback of the program: it may be async, to make system calls (or compute) in it. */
export type Callback = () => unknown;

/** Base of every handle (uv_handle_t): active handles keep the loop alive. */
export class UvHandle {
  active = false;
  closing = false;
  closeCb: Callback | null = null;
  constructor(readonly loop: UvLoop) {}

  /** uv_close(): stop it; the close callback runs in the loop's close phase. */
  close(cb?: Callback): void {
    if (this.closing) return;
    this.closing = true;
    this.stopHandle();
    this.closeCb = cb ?? null;
    this.loop.closingHandles.push(this);
  }

  protected stopHandle(): void {
    this.active = false;
  }
}

/** uv_timer_t. */
export class UvTimer extends UvHandle {
  timeout = 0;
  repeat = 0;
  cb: Callback | null = null;
  startId = 0;

  /** uv_timer_start(): call `cb` after `timeout` ms (of loop time), then every `repeat` ms if repeat > 0. */
  start(cb: Callback, timeout: number, repeat = 0): void {
    this.stop();
    this.cb = cb;
    this.timeout = this.loop.time + Math.max(0, timeout);
    this.repeat = repeat;
    this.startId = this.loop.timerCounter++;
    this.active = true;
    this.loop.timers.push(this);
  }

  /** uv_timer_stop(). */
  stop(): void {
    this.stopHandle();
  }

  protected override stopHandle(): void {
    this.active = false;
    const i = this.loop.timers.indexOf(this);
    if (i >= 0) this.loop.timers.splice(i, 1);
  }
}

/** uv_idle_t, uv_prepare_t and uv_check_t: a callback each loop iteration, at their phase. */
export class UvPhaseHandle extends UvHandle {
  cb: Callback | null = null;
  constructor(
    loop: UvLoop,
    private readonly list: UvPhaseHandle[],
  ) {
    super(loop);
  }

  start(cb: Callback): void {
    this.cb = cb;
    if (!this.active) this.list.push(this);
    this.active = true;
  }

  stop(): void {
    this.stopHandle();
  }

  protected override stopHandle(): void {
    this.active = false;
    const i = this.list.indexOf(this);
    if (i >= 0) this.list.splice(i, 1);
  }
}

