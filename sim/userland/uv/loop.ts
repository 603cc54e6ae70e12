// A libuv event loop (src/unix/core.c uv_run, docs/src/design.rst), running as user
// code on one thread of the simulated machine, with Node's queues on top.
//
// One iteration, as libuv 1.45 and later run it:
//   pending callbacks → idle → prepare → poll for I/O (epoll_wait, with a timeout that
//   is the time to the next timer) → check (setImmediate) → close callbacks → update
//   the loop's time → timers.
// (Before 1.45 timers ran first in each iteration; uv_run still runs due timers once
// before its first iteration.) After every callback, Node empties its process.nextTick
// queue and then its promise-microtask queue, again and again until both are empty.
// Everything runs on this one thread: a callback that computes for 50 ms holds up
// every other timer, connection and completion for 50 ms.

import type { Sys } from '../../sys.js';
import type { EpollEvent } from '../../io/epoll.js';
import { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD } from '../../io/flags.js';
import { ThreadPool } from './threadpool.js';
import { UvHandle, UvPhaseHandle, UvTimer } from './handles.js';
import { UvTcp } from './tcp.js';
import { fsClose, fsOpen, fsRead, fsWrite, getaddrinfo, queueWork } from './fs.js';

export const UV_RUN_DEFAULT = 0;
export const UV_RUN_ONCE = 1;
export const UV_RUN_NOWAIT = 2;

export type { Callback } from './handles.js';
import type { Callback } from './handles.js';
export { UvHandle, UvPhaseHandle, UvTimer };

/** uv__io_t: a descriptor watched in the loop's epoll set, with what to do when it is ready. */
export interface IoWatcher {
  fd: number;
  events: number;
  registered: number;
  cb: (events: number) => Promise<void>;
}

export class UvLoop {
  /** uv_now(): the loop's idea of the time, in ms, updated once per iteration. */
  time = 0;
  readonly timers: UvTimer[] = [];
  timerCounter = 0;
  readonly idleHandles: UvPhaseHandle[] = [];
  readonly prepareHandles: UvPhaseHandle[] = [];
  readonly checkHandles: UvPhaseHandle[] = [];
  readonly closingHandles: UvHandle[] = [];
  /** I/O callbacks deferred to the next iteration (a finished write's callback, for instance). */
  readonly pending: Callback[] = [];
  /** Requests in flight (fs, work, getaddrinfo, writes): they keep the loop alive too. */
  activeReqs = 0;
  /** Node's queues, drained after every callback: process.nextTick first, then promise microtasks. */
  private readonly tickQueue: Callback[] = [];
  private readonly microtasks: Callback[] = [];
  readonly watchers = new Map<number, IoWatcher>();
  /** System calls a close started (uv__stream_close closes the descriptor at once; here, right after the callback). */
  readonly closingWork: (() => Promise<void>)[] = [];
  private epfd = -1;
  private stopFlag = false;
  readonly pool: ThreadPool;
  /** Mark the phases in the trace (as user-space markers, at no cost). */
  markPhases = true;
  private immediates = 0;
  private readonly immediateIdle = this.idle();

  /** `threadpoolSize` plays the part of the UV_THREADPOOL_SIZE environment variable (default 4). */
  constructor(
    readonly sys: Sys,
    opts: { threadpoolSize?: number; markPhases?: boolean } = {},
  ) {
    this.time = Math.floor(sys.clock_gettime() / 1e6);
    this.pool = new ThreadPool(this);
    if (opts.threadpoolSize !== undefined) this.pool.size = Math.max(1, Math.min(1024, opts.threadpoolSize));
    if (opts.markPhases !== undefined) this.markPhases = opts.markPhases;
  }

  /** uv_tcp_init(). */
  tcp(): UvTcp {
    return new UvTcp(this);
  }

  /** uv_fs_open() on the thread pool. */
  fs_open(path: string, flags: number, cb: (fd: number) => unknown): Promise<void> {
    return fsOpen(this, path, flags, cb);
  }
  /** uv_fs_read() on the thread pool: cb(bytes read or -errno). */
  fs_read(fd: number, buf: Uint8Array, offset: number, cb: (n: number) => unknown): Promise<void> {
    return fsRead(this, fd, buf, offset, cb);
  }
  /** uv_fs_write() on the thread pool. */
  fs_write(fd: number, data: Uint8Array, offset: number, cb: (n: number) => unknown): Promise<void> {
    return fsWrite(this, fd, data, offset, cb);
  }
  /** uv_fs_close() on the thread pool. */
  fs_close(fd: number, cb: (r: number) => unknown): Promise<void> {
    return fsClose(this, fd, cb);
  }
  /** uv_getaddrinfo() (Node's dns.lookup) on the thread pool. */
  getaddrinfo(name: string, cb: (addr: string) => unknown, latency?: number): Promise<void> {
    return getaddrinfo(this, name, cb, latency);
  }
  /** uv_queue_work(): `work` on a pool thread (with that thread's handle), then `after` on the loop. */
  queue_work(work: (worker: Sys) => Promise<unknown>, after: (result: unknown) => unknown): Promise<void> {
    return queueWork(this, work, after);
  }

  // ---- handles and Node's helpers ------------------------------------------------

  timer(): UvTimer {
    return new UvTimer(this);
  }
  idle(): UvPhaseHandle {
    return new UvPhaseHandle(this, this.idleHandles);
  }
  prepare(): UvPhaseHandle {
    return new UvPhaseHandle(this, this.prepareHandles);
  }
  check(): UvPhaseHandle {
    return new UvPhaseHandle(this, this.checkHandles);
  }

  /** Node's setTimeout: a timer; a delay below 1 ms becomes 1 ms, as in Node. */
  setTimeout(cb: Callback, delay: number): UvTimer {
    const t = this.timer();
    t.start(() => {
      t.close();
      return cb();
    }, Math.max(1, delay));
    return t;
  }

  /**
   * Node's setImmediate: runs in the next check phase. Like Node, it also starts an idle
   * handle (with nothing to do) while immediates wait, so that poll does not block.
   */
  setImmediate(cb: Callback): void {
    const c = this.check();
    this.immediates++;
    if (!this.immediateIdle.active) this.immediateIdle.start(() => undefined);
    c.start(() => {
      c.stop();
      if (--this.immediates === 0) this.immediateIdle.stop();
      return cb();
    });
  }

  /** process.nextTick: after the current callback, before promise callbacks. */
  nextTick(cb: Callback): void {
    this.tickQueue.push(cb);
  }

  /** queueMicrotask / a resolved promise's then(): after the current callback and the nextTick queue. */
  queueMicrotask(cb: Callback): void {
    this.microtasks.push(cb);
  }

  /** Run one of the program's callbacks, then Node's queues until both are empty (processTicksAndRejections). */
  async runCallback(cb: Callback): Promise<void> {
    await cb();
    while (this.closingWork.length > 0) await this.closingWork.shift()!();
    await this.drainQueues();
  }

  /**
   * processTicksAndRejections() in lib/internal/process/task_queues.js: every nextTick
   * callback, then runMicrotasks(), which empties V8's whole microtask queue (a nextTick
   * queued by a promise callback waits until the other promise callbacks have run), and
   * again until both queues are empty.
   */
  private async drainQueues(): Promise<void> {
    while (this.tickQueue.length > 0 || this.microtasks.length > 0) {
      while (this.tickQueue.length > 0) await this.tickQueue.shift()!();
      while (this.microtasks.length > 0) await this.microtasks.shift()!();
    }
  }

  /** uv_stop(). */
  stop(): void {
    this.stopFlag = true;
  }

  // ---- I/O watchers ----------------------------------------------------------------

  /** uv__io_start / uv__io_stop: (re)register a descriptor in the epoll set. */
  async watch(w: IoWatcher): Promise<void> {
    if (this.epfd < 0) this.epfd = await this.sys.epoll_create1();
    this.watchers.set(w.fd, w);
    if (w.events === w.registered) return;
    if (w.events === 0) {
      if (w.registered) await this.sys.epoll_ctl(this.epfd, EPOLL_CTL_DEL, w.fd, null);
    } else {
      await this.sys.epoll_ctl(this.epfd, w.registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, w.fd, { events: w.events, data: w.fd });
    }
    w.registered = w.events;
  }

  async unwatch(fd: number): Promise<void> {
    const w = this.watchers.get(fd);
    if (!w) return;
    this.watchers.delete(fd);
    if (w.registered) await this.sys.epoll_ctl(this.epfd, EPOLL_CTL_DEL, fd, null);
  }

  // ---- the loop --------------------------------------------------------------------

  private mark(phase: string): void {
    if (this.markPhases) this.sys.trace_marker(`uv: ${phase}`);
  }

  /** uv__loop_alive(): active handles, requests in flight, or handles being closed. */
  alive(): boolean {
    if (this.activeReqs > 0 || this.closingHandles.length > 0) return true;
    if (this.timers.length || this.idleHandles.length || this.prepareHandles.length || this.checkHandles.length) return true;
    for (const w of this.watchers.values()) if (w.events && w.fd !== this.pool.asyncFd) return true;
    return false;
  }

  /** uv__update_time(). */
  private updateTime(): void {
    this.time = Math.floor(this.sys.clock_gettime() / 1e6);
  }

  /** uv__run_timers(): every timer due by now, earliest first (ties: the one started first). */
  private async runTimers(): Promise<void> {
    let marked = false;
    for (;;) {
      let next: UvTimer | null = null;
      for (const t of this.timers) if (!next || t.timeout < next.timeout || (t.timeout === next.timeout && t.startId < next.startId)) next = t;
      if (!next || next.timeout > this.time) return;
      if (!marked) this.mark('timers');
      marked = true;
      next.stop();
      if (next.repeat > 0) next.start(next.cb!, next.repeat, next.repeat);
      await this.runCallback(next.cb!);
    }
  }

  private async runPending(): Promise<boolean> {
    if (this.pending.length === 0) return false;
    this.mark('pending callbacks');
    const list = this.pending.splice(0);
    for (const cb of list) await this.runCallback(cb);
    return true;
  }

  private async runPhase(name: string, list: UvPhaseHandle[]): Promise<void> {
    if (list.length === 0) return;
    this.mark(name);
    for (const h of list.slice()) if (h.active && h.cb) await this.runCallback(h.cb);
  }

  private async runClosing(): Promise<void> {
    while (this.closingWork.length > 0) await this.closingWork.shift()!();
    if (this.closingHandles.length === 0) return;
    this.mark('close callbacks');
    const list = this.closingHandles.splice(0);
    for (const h of list) if (h.closeCb) await this.runCallback(h.closeCb);
  }

  /** uv__backend_timeout(): how long poll may block, in ms (-1: until something happens). */
  private backendTimeout(): number {
    if (this.stopFlag || !this.alive() || this.pending.length || this.idleHandles.length || this.closingHandles.length) return 0;
    if (this.timers.length === 0) return -1;
    const next = Math.min(...this.timers.map((t) => t.timeout));
    return Math.max(0, next - this.time);
  }

  /** uv__io_poll(): epoll_wait for up to `timeout` ms, then run the ready watchers' callbacks. */
  private async poll(timeout: number): Promise<void> {
    const registered = [...this.watchers.values()].some((w) => w.registered);
    this.mark('poll');
    if (!registered) {
      if (timeout > 0) await this.sys.nanosleep(timeout * 1e6); // nothing to watch: just wait for the timer
      return;
    }
    const events: EpollEvent[] = [];
    const n = await this.sys.epoll_wait(this.epfd, events, 1024, timeout);
    this.updateTime(); // libuv updates the time after epoll_wait returns
    for (let i = 0; i < n; i++) {
      const ev = events[i]!;
      const w = this.watchers.get(ev.data);
      if (w) await w.cb(ev.events);
    }
  }

  /** uv_run(): iterate until nothing keeps the loop alive (UV_RUN_DEFAULT), or once. */
  async run(mode = UV_RUN_DEFAULT): Promise<boolean> {
    await this.drainQueues(); // what the main script queued runs before the loop starts
    let r = this.alive();
    if (!r) this.updateTime();
    // Compatibility with libuv < 1.45: due timers run once before the first iteration.
    if (mode === UV_RUN_DEFAULT && r && !this.stopFlag) {
      this.updateTime();
      await this.runTimers();
    }
    while (r && !this.stopFlag) {
      const canSleep = this.pending.length === 0 && this.idleHandles.length === 0;
      await this.runPending();
      await this.runPhase('idle', this.idleHandles);
      await this.runPhase('prepare', this.prepareHandles);
      let timeout = 0;
      if ((mode === UV_RUN_ONCE && canSleep) || mode === UV_RUN_DEFAULT) timeout = this.backendTimeout();
      await this.poll(timeout);
      // Callbacks queued during poll (finished writes), a few rounds at most, not to starve the loop.
      for (let i = 0; i < 8 && this.pending.length > 0; i++) await this.runPending();
      await this.runPhase('check', this.checkHandles);
      await this.runClosing();
      this.updateTime();
      await this.runTimers();
      r = this.alive();
      if (mode === UV_RUN_ONCE || mode === UV_RUN_NOWAIT) break;
    }
    this.stopFlag = false;
    return r;
  }
}
