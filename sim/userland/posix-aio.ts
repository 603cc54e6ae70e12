// POSIX AIO as glibc implements it (rt/aio_misc.c): entirely in user space, with
// helper threads. aio_read() queues the request and hands it to an idle helper thread
// (waking it with a futex) or starts a new one, up to 20 (aio_threads); the helper does
// an ordinary, blocking pread() and records the result, then wakes whoever waits in
// aio_suspend(). aio_error() and aio_return() just read the result: no system call.
// A helper with nothing to do waits one second (aio_idle_time) for more, then exits.
// Requests on a descriptor that a helper is already working on do not get a thread of
// their own: they wait behind the running one ("it makes no sense to start another
// thread", __aio_enqueue_request), so the requests of one descriptor run one at a time.
// "Asynchronous" here means "done by another thread": the kernel sees blocking I/O.

import type { Process } from '../kernel/task.js';
import { AsyncCalls } from '../io/calls-async.js';
import type { Sys } from '../sys.js';
import type { FutexWord } from '../kernel/sys-futex.js';
import { EAGAIN, EINPROGRESS, EINVAL } from '../kernel/errno.js';

export const SIGEV_SIGNAL = 0;
export const SIGEV_NONE = 1;
export const SIGEV_THREAD = 2;

/** struct aiocb. */
export interface Aiocb {
  aio_fildes: number;
  aio_offset: number;
  aio_buf: Uint8Array;
  aio_nbytes: number;
  /** How to be told it is done: SIGEV_NONE (poll with aio_error/aio_suspend) or SIGEV_THREAD (a new thread runs the function). */
  aio_sigevent?: { sigev_notify: number; sigev_notify_function?: (sys: Sys, value: unknown) => unknown; sigev_value?: unknown };
}

/** optim in aio_misc.c: aio_threads = 20, aio_idle_time = 1 s. */
const AIO_THREADS = 20;
const AIO_IDLE_TIME = 1_000_000_000;

interface Request {
  cb: Aiocb;
  write: boolean;
}

/** The library's state in one process (the static variables of aio_misc.c). */
interface AioState {
  /** Requests ready for a helper (runlist): at most one per descriptor. */
  queue: Request[];
  /** Descriptors being worked on, each with the requests waiting behind the running one (requests, next_prio). */
  busy: Map<number, Request[]>;
  threads: number;
  idle: number;
  /** What idle helpers sleep on (__aio_new_request_notification). */
  newRequest: FutexWord;
  /** What aio_suspend() sleeps on; bumped at each completion (GAI_MISC_NOTIFY). */
  done: FutexWord;
  suspended: number;
}

const states = new WeakMap<Process, AioState>();
/** __error_code and __return_value, the private fields of struct aiocb. */
const results = new WeakMap<Aiocb, { error: number; ret: number }>();

export class PosixAioCalls extends AsyncCalls {
  private aio(): AioState {
    const p = this.t.process;
    let s = states.get(p);
    if (!s) states.set(p, (s = { queue: [], busy: new Map(), threads: 0, idle: 0, newRequest: { value: 0 }, done: { value: 0 }, suspended: 0 }));
    return s;
  }

  /** aio_read(3): queue a read of aio_nbytes at aio_offset; returns 0 at once (the read is done by a helper thread). */
  aio_read(cb: Aiocb): Promise<number> {
    return this.enqueue(cb, false);
  }

  /** aio_write(3). */
  aio_write(cb: Aiocb): Promise<number> {
    return this.enqueue(cb, true);
  }

  /** aio_error(3): EINPROGRESS, 0, or the error number. Reads the aiocb: no system call. */
  aio_error(cb: Aiocb): number {
    const r = results.get(cb);
    return r ? r.error : EINVAL;
  }

  /** aio_return(3): the final result (what pread returned). No system call. */
  aio_return(cb: Aiocb): number {
    const r = results.get(cb);
    if (!r || r.error === EINPROGRESS) {
      this.errno = EINVAL;
      return -1;
    }
    return r.ret;
  }

  /**
   * aio_suspend(3): wait until one of the listed requests is done, or the timeout (ns)
   * passes (-1, errno EAGAIN). Sleeps on a futex the helper threads wake.
   */
  async aio_suspend(list: (Aiocb | null)[], nent: number = list.length, timeout?: number): Promise<number> {
    const s = this.aio();
    const deadline = timeout === undefined ? Infinity : this.clock_gettime() + timeout;
    for (;;) {
      const ready = list.slice(0, nent).some((cb) => cb && results.get(cb)?.error !== EINPROGRESS);
      if (ready) return 0;
      const left = deadline - this.clock_gettime();
      if (left <= 0) {
        this.errno = EAGAIN;
        return -1;
      }
      const seen = s.done.value;
      s.suspended++;
      await this.futex_wait(s.done, seen, Number.isFinite(left) ? left : undefined);
      s.suspended--;
    }
  }

  /** __aio_enqueue_request(). */
  private async enqueue(cb: Aiocb, write: boolean): Promise<number> {
    if (!cb || !(cb.aio_buf instanceof Uint8Array) || cb.aio_nbytes < 0 || cb.aio_offset < 0) {
      this.errno = EINVAL;
      return -1;
    }
    const s = this.aio();
    results.set(cb, { error: EINPROGRESS, ret: 0 });
    const waiting = s.busy.get(cb.aio_fildes);
    if (waiting) {
      // This descriptor is being worked on: queue the request behind it; no new thread.
      waiting.push({ cb, write });
      return 0;
    }
    s.busy.set(cb.aio_fildes, []);
    const req: Request = { cb, write };
    if (s.threads < AIO_THREADS && s.idle === 0) {
      // No helper is free: start one for this very request (aio_create_helper_thread(handle_fildes_io, newp)).
      s.threads++;
      const r = await this.pthread_create((h) => helper(h as unknown as PosixAioCalls, s, req), 'aio helper');
      if (r >= 0) return 0;
      s.threads--;
      if (s.threads === 0) {
        s.busy.delete(cb.aio_fildes);
        results.delete(cb);
        this.errno = EAGAIN;
        return -1;
      }
    }
    // Otherwise it waits in the run list for a helper; wake an idle one (pthread_cond_signal → futex wake).
    s.queue.push(req);
    if (s.idle > 0) {
      s.newRequest.value++;
      await this.futex_wake(s.newRequest, 1);
    }
    return 0;
  }
}

/** handle_fildes_io(): a helper thread's life. */
async function helper(h: PosixAioCalls, s: AioState, first?: Request): Promise<void> {
  for (;;) {
    let req = first ?? s.queue.shift();
    first = undefined;
    while (!req) {
      const seen = s.newRequest.value;
      s.idle++;
      const r = await h.futex_wait(s.newRequest, seen, AIO_IDLE_TIME);
      s.idle--;
      req = s.queue.shift();
      if (!req && r < 0 && h.errno !== EAGAIN) {
        s.threads--; // idle for aio_idle_time: the thread exits
        return;
      }
    }
    // More requests ready: wake an idle helper for them, or start one (handle_fildes_io).
    if (s.queue.length > 0) {
      if (s.idle > 0) {
        s.newRequest.value++;
        await h.futex_wake(s.newRequest, 1);
      } else if (s.threads < AIO_THREADS) {
        s.threads++;
        if ((await h.pthread_create((n) => helper(n as unknown as PosixAioCalls, s), 'aio helper')) < 0) s.threads--;
      }
    }
    const { cb, write } = req;
    const ret = write ? await h.pwrite(cb.aio_fildes, cb.aio_buf, cb.aio_nbytes, cb.aio_offset) : await h.pread(cb.aio_fildes, cb.aio_buf, cb.aio_nbytes, cb.aio_offset);
    results.set(cb, { error: ret < 0 ? h.errno : 0, ret });
    // The descriptor's next request, if any, becomes runnable (add_request_to_runlist).
    const waiting = s.busy.get(cb.aio_fildes)!;
    const next = waiting.shift();
    if (next) s.queue.push(next);
    else s.busy.delete(cb.aio_fildes);
    // __aio_notify(): wake aio_suspend() sleepers, and run a SIGEV_THREAD notification.
    s.done.value++;
    if (s.suspended > 0) await h.futex_wake(s.done, Infinity);
    const ev = cb.aio_sigevent;
    if (ev?.sigev_notify === SIGEV_THREAD && ev.sigev_notify_function) {
      const fn = ev.sigev_notify_function;
      await h.pthread_create((t) => fn(t as unknown as Sys, ev.sigev_value), 'aio notify');
    }
  }
}
