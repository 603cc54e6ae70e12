// Asynchronous I/O system calls on the thread's handle: Linux AIO (io_setup,
// io_submit, io_getevents, io_destroy), io_uring, and futex for user-space locks.

import { IoCalls } from './calls-io.js';
import { sysIoDestroy, sysIoGetevents, sysIoSetup, sysIoSubmit, IOCB_CMD_FDSYNC, IOCB_CMD_FSYNC, IOCB_CMD_NOOP, IOCB_CMD_PREAD, IOCB_CMD_PWRITE, type IoEvent, type Iocb, type Timespec } from './aio.js';
import { sysFutexWait, sysFutexWake, type FutexWord } from '../kernel/sys-futex.js';
import { timespec } from '../trace/format-args.js';
import { sysIoUringEnter, sysIoUringSetup, sysMmapRings } from './sys-uring.js';
import { IORING_ENTER_GETEVENTS, IORING_ENTER_SQ_WAKEUP, IORING_SETUP_SQPOLL, type CqRing, type IoUringParams, type SqRing } from './uring.js';
import { queueInit, type IoUring } from '../userland/liburing.js';
import type { Sys } from '../sys.js';

function enterFlags(f: number): string {
  const parts = [];
  if (f & IORING_ENTER_GETEVENTS) parts.push('IORING_ENTER_GETEVENTS');
  if (f & IORING_ENTER_SQ_WAKEUP) parts.push('IORING_ENTER_SQ_WAKEUP');
  const rest = f & ~(IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP);
  if (rest) parts.push('0x' + rest.toString(16));
  return parts.join('|') || '0';
}

const hex = (n: number) => '0x' + n.toString(16);
const opName: Record<number, string> = {
  [IOCB_CMD_PREAD]: 'IOCB_CMD_PREAD', [IOCB_CMD_PWRITE]: 'IOCB_CMD_PWRITE', [IOCB_CMD_FSYNC]: 'IOCB_CMD_FSYNC',
  [IOCB_CMD_FDSYNC]: 'IOCB_CMD_FDSYNC', [IOCB_CMD_NOOP]: 'IOCB_CMD_NOOP',
};

function iocbText(cb: Iocb): string {
  if (typeof cb !== 'object' || cb === null) return '0x0';
  const op = opName[cb.aio_lio_opcode] ?? String(cb.aio_lio_opcode);
  return `{aio_data=${cb.aio_data ?? 0}, aio_lio_opcode=${op}, aio_fildes=${cb.aio_fildes}, aio_nbytes=${cb.aio_nbytes}, aio_offset=${cb.aio_offset}}`;
}

function eventsText(ev: IoEvent[], n: number): string {
  if (n <= 0) return '[]';
  const shown = ev.slice(0, Math.min(n, 4)).map((e) => `{data=${e.data}, res=${e.res}}`);
  return `[${shown.join(', ')}${n > 4 ? ', ...' : ''}]`;
}

export class AsyncCalls extends IoCalls {
  /** io_setup(2): a Linux AIO context for up to nr_events requests in flight; its id goes into ctxp.ctx. */
  io_setup(nr_events: number, ctxp: { ctx: number }): Promise<number> {
    return this.call('io_setup', (ret) => [String(nr_events), ret === 0 ? `[${hex(ctxp.ctx)}]` : '0x7ffc...'], sysIoSetup(this.k, this.t, nr_events, ctxp));
  }

  /**
   * io_submit(2): start `nr` requests (struct iocb: aio_lio_opcode IOCB_CMD_PREAD/PWRITE/FSYNC,
   * aio_fildes, aio_buf, aio_nbytes, aio_offset, aio_data). Returns how many were queued.
   * Truly asynchronous only for O_DIRECT files: for buffered files it blocks while it reads.
   */
  io_submit(ctx: number, nr: number, iocbs: Iocb[]): Promise<number> {
    const list = Array.isArray(iocbs) ? iocbs.slice(0, Math.max(0, nr)) : [];
    const shown = list.slice(0, 3).map(iocbText).join(', ') + (list.length > 3 ? ', ...' : '');
    return this.call('io_submit', [hex(ctx), String(nr), `[${shown}]`], sysIoSubmit(this.k, this.t, ctx, nr, iocbs));
  }

  /** io_getevents(2): wait for at least min_nr completions (timeout null: for ever); up to nr are written into events. */
  io_getevents(ctx: number, min_nr: number, nr: number, events: IoEvent[], timeout: Timespec | null = null): Promise<number> {
    const to = timeout ? timespec(timeout.tv_sec * 1e9 + timeout.tv_nsec) : 'NULL';
    return this.call('io_getevents', (ret) => [hex(ctx), String(min_nr), String(nr), eventsText(events, ret), to], sysIoGetevents(this.k, this.t, ctx, min_nr, nr, events, timeout));
  }

  /** io_destroy(2): wait for the requests in flight, then free the context. */
  io_destroy(ctx: number): Promise<number> {
    return this.call('io_destroy', [hex(ctx)], sysIoDestroy(this.k, this.t, ctx));
  }

  /**
   * io_uring_setup(2): a ring with `entries` submission slots (params.flags:
   * IORING_SETUP_SQPOLL for a kernel polling thread; params.sq_thread_idle in ms). Returns
   * its descriptor; the kernel fills in params.sq_entries, cq_entries and features.
   */
  io_uring_setup(entries: number, params: IoUringParams = {}): Promise<number> {
    const flags = (params?.flags ?? 0) & IORING_SETUP_SQPOLL ? `IORING_SETUP_SQPOLL, sq_thread_idle=${params.sq_thread_idle ?? 1000}` : `${params?.flags ?? 0}`;
    return this.call('io_uring_setup', [String(entries), `{flags=${flags}}`], sysIoUringSetup(this.k, this.t, entries, params));
  }

  /** mmap(2) of a ring's memory (IORING_OFF_SQ_RING, with IORING_FEAT_SINGLE_MMAP also the CQ ring): out.sq and out.cq. */
  io_uring_mmap(fd: number, out: { sq?: SqRing; cq?: CqRing }): Promise<number> {
    return this.call('mmap', ['NULL', '<ring size>', 'PROT_READ|PROT_WRITE', 'MAP_SHARED|MAP_POPULATE', String(fd), 'IORING_OFF_SQ_RING'], sysMmapRings(this.k, this.t, fd, out));
  }

  /**
   * io_uring_enter(2): submit up to to_submit new SQEs, and with IORING_ENTER_GETEVENTS
   * wait until min_complete CQEs are in the ring. Returns the number of SQEs submitted.
   */
  io_uring_enter(fd: number, to_submit: number, min_complete: number, flags: number): Promise<number> {
    return this.call('io_uring_enter', [String(fd), String(to_submit), String(min_complete), enterFlags(flags), 'NULL', '0'], sysIoUringEnter(this.k, this.t, fd, to_submit, min_complete, flags));
  }

  /** liburing's io_uring_queue_init(): io_uring_setup and mmap, giving a ring to use with get_sqe/submit/wait_cqe. Null (errno set) on failure. */
  io_uring_queue_init(entries: number, params: IoUringParams = {}): Promise<IoUring | null> {
    return queueInit(this as unknown as Sys, entries, params);
  }

  /** futex(FUTEX_WAIT): sleep while word.value === expected (EAGAIN if it is not), until futex_wake or `timeout` ns. */
  futex_wait(word: FutexWord, expected: number, timeout?: number): Promise<number> {
    return this.call('futex', ['0x7f...', 'FUTEX_WAIT_PRIVATE', String(expected), timeout === undefined ? 'NULL' : timespec(timeout)], sysFutexWait(this.k, this.t, word, expected, timeout));
  }

  /** futex(FUTEX_WAKE): wake up to n threads sleeping on the word. */
  futex_wake(word: FutexWord, n: number): Promise<number> {
    return this.call('futex', ['0x7f...', 'FUTEX_WAKE_PRIVATE', n === Infinity ? 'INT_MAX' : String(n)], sysFutexWake(this.k, this.t, word, n));
  }
}
