// libuv's thread pool (src/threadpool.c): UV_THREADPOOL_SIZE threads, 4 by default,
// started when the first work is submitted. The loop puts work on a queue and signals a
// condition variable (a futex); an idle worker takes it and runs it, blocking as much
// as it likes (a pread on a cold file, a DNS lookup), then puts it on the loop's done
// queue and wakes the loop through an "async" descriptor (an eventfd in libuv; a pipe,
// its fallback, here). The loop, back in its poll phase, runs the completion callbacks.
// With four workers, a fifth simultaneous request waits for one of them to be free.

import type { Sys } from '../../sys.js';
import type { FutexWord } from '../../kernel/sys-futex.js';
import { EPOLLIN } from '../../io/flags.js';
import { O_CLOEXEC, O_NONBLOCK } from '../../kernel/flags.js';
import type { UvLoop } from './loop.js';

/** struct uv__work: the part to run on a worker, and what the loop runs afterwards. */
interface Work {
  work: (worker: Sys) => Promise<unknown>;
  done: (result: unknown) => unknown;
  result?: unknown;
}

export const DEFAULT_THREADPOOL_SIZE = 4;

export class ThreadPool {
  private readonly queue: Work[] = [];
  private readonly finished: Work[] = [];
  private started = false;
  private idle = 0;
  /** The condition variable idle workers wait on (uv_cond_wait → futex). */
  private readonly cond: FutexWord = { value: 0 };
  /** The async handle's descriptors: the loop watches the read end. */
  asyncFd = -1;
  private asyncWrite = -1;
  private asyncPending = false;
  size = DEFAULT_THREADPOOL_SIZE;

  constructor(private readonly loop: UvLoop) {}

  /** uv__work_submit(): queue work; an idle worker is woken for it. */
  async submit(work: Work['work'], done: Work['done']): Promise<void> {
    await this.init();
    this.loop.activeReqs++;
    this.queue.push({ work, done });
    if (this.idle > 0) {
      this.cond.value++;
      await this.loop.sys.futex_wake(this.cond, 1); // uv_cond_signal
    }
  }

  /** init_once(): the async descriptor, and the worker threads. */
  private async init(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const sys = this.loop.sys;
    const fds = [0, 0];
    await sys.pipe2(fds, O_NONBLOCK | O_CLOEXEC);
    this.asyncFd = fds[0]!;
    this.asyncWrite = fds[1]!;
    await this.loop.watch({ fd: this.asyncFd, events: EPOLLIN, registered: 0, cb: () => this.workDone() });
    for (let i = 0; i < this.size; i++) await sys.pthread_create((w) => this.worker(w as unknown as Sys), 'libuv-worker');
  }

  /** worker(): take work, run it, hand it back to the loop. */
  private async worker(sys: Sys): Promise<void> {
    for (;;) {
      while (this.queue.length === 0) {
        this.idle++;
        await sys.futex_wait(this.cond, this.cond.value);
        this.idle--;
      }
      const w = this.queue.shift()!;
      w.result = await w.work(sys);
      this.finished.push(w);
      // uv_async_send(): one write wakes the loop, however many finish before it looks.
      if (!this.asyncPending) {
        this.asyncPending = true;
        await sys.write(this.asyncWrite, new Uint8Array(8));
      }
    }
  }

  /** uv__async_io() → uv__work_done(): in the poll phase, run the completion callbacks. */
  private async workDone(): Promise<void> {
    const sys = this.loop.sys;
    const buf = new Uint8Array(1024);
    while ((await sys.read(this.asyncFd, buf)) > 0);
    this.asyncPending = false;
    for (const w of this.finished.splice(0)) {
      this.loop.activeReqs--;
      await this.loop.runCallback(() => w.done(w.result));
    }
  }
}
