// io_uring (io_uring/io_uring.c, Linux 5.1+): two rings in memory shared by the
// program and the kernel. The program writes submission queue entries (SQEs) and moves
// the SQ tail; the kernel consumes them, does the I/O, and writes completion queue
// entries (CQEs), moving the CQ tail; the program reads them and moves the CQ head.
// Nothing in that exchange is a system call: io_uring_enter() is needed only to tell
// the kernel "there are new SQEs" or "I will sleep until N CQEs are there". With
// IORING_SETUP_SQPOLL a kernel thread watches the SQ tail itself (uring-sqpoll.ts), so
// a program that keeps it busy submits and reaps without entering the kernel at all.

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Process, Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { taskWorkRun } from '../kernel/task-work.js';
import { POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/poll.js';
import { IoWq } from './io-wq.js';

// enum io_uring_op (include/uapi/linux/io_uring.h), the ones modelled.
export const IORING_OP_NOP = 0;
export const IORING_OP_FSYNC = 3;
export const IORING_OP_ACCEPT = 13;
export const IORING_OP_READ = 22;
export const IORING_OP_WRITE = 23;
export const IORING_OP_SEND = 26;
export const IORING_OP_RECV = 27;

export const IORING_SETUP_IOPOLL = 1 << 0;
export const IORING_SETUP_SQPOLL = 1 << 1;
export const IORING_ENTER_GETEVENTS = 1 << 0;
export const IORING_ENTER_SQ_WAKEUP = 1 << 1;
/** sq.flags: the SQPOLL thread went to sleep; wake it with io_uring_enter(IORING_ENTER_SQ_WAKEUP). */
export const IORING_SQ_NEED_WAKEUP = 1 << 0;
export const IORING_FEAT_SINGLE_MMAP = 1 << 0;
export const IORING_FEAT_NODROP = 1 << 1;
export const IORING_FEAT_FAST_POLL = 1 << 5;

/** struct io_uring_sqe, the fields a program fills in. */
export interface IoUringSqe {
  opcode: number;
  /** IOSQE_* flags (links, drain, ...): not modelled, must be 0. */
  flags?: number;
  fd: number;
  /** File offset for READ/WRITE; -1 means "the file position". */
  off?: number;
  /** The buffer (READ, WRITE, RECV, SEND), or for ACCEPT an object to receive the peer's address. */
  addr?: Uint8Array | object | null;
  len?: number;
  /** msg_flags (SEND, RECV), accept_flags (ACCEPT). */
  op_flags?: number;
  user_data: number;
}

/** struct io_uring_cqe. */
export interface IoUringCqe {
  user_data: number;
  /** The result: what the system call would have returned, or -errno. */
  res: number;
  flags: number;
}

/** struct io_uring_params: what the program asks for, and what setup tells it. */
export interface IoUringParams {
  flags?: number;
  /** SQPOLL: how long (ms) the kernel thread polls an idle ring before it sleeps (default 1000). */
  sq_thread_idle?: number;
  sq_entries?: number;
  cq_entries?: number;
  features?: number;
}

/** The submission ring as mapped into the program (IORING_OFF_SQ_RING and the SQE array). */
export class SqRing {
  /** Advanced by the kernel as it consumes entries. */
  head = 0;
  private _tail = 0;
  /** IORING_SQ_NEED_WAKEUP. */
  flags = 0;
  readonly ring_mask: number;
  readonly array: (IoUringSqe | null)[];
  /** How the kernel side notices the program moving the tail (the SQPOLL thread polls it). */
  onTail: (() => void) | null = null;
  constructor(readonly ring_entries: number) {
    this.ring_mask = ring_entries - 1;
    this.array = new Array<IoUringSqe | null>(ring_entries).fill(null);
  }
  /** Moved by the program after filling entries. */
  get tail(): number {
    return this._tail;
  }
  set tail(v: number) {
    this._tail = v;
    this.onTail?.();
  }
}

/** The completion ring as mapped into the program (IORING_OFF_CQ_RING). */
export class CqRing {
  /** Advanced by the program as it consumes entries. */
  head = 0;
  /** Advanced by the kernel as it posts entries. */
  tail = 0;
  overflow = 0;
  readonly ring_mask: number;
  readonly cqes: IoUringCqe[];
  constructor(readonly ring_entries: number) {
    this.ring_mask = ring_entries - 1;
    this.cqes = new Array<IoUringCqe>(ring_entries);
  }
}

/** struct io_ring_ctx: the kernel's side of one ring; also the file behind its descriptor. */
export class Ring implements FileObject {
  readonly kind = 'io_uring';
  readonly sq: SqRing;
  readonly cq: CqRing;
  readonly cqWait = new WaitQueue('io_cqring_wait');
  readonly sqWait = new WaitQueue('io_sq_thread');
  /** CQEs that did not fit (IORING_FEAT_NODROP): flushed when the program makes room. */
  readonly backlog: IoUringCqe[] = [];
  sqThread: Thread | null = null;
  /** sq_thread_idle in ns. */
  sqIdle = 1_000_000_000;
  readonly wq: IoWq;
  dead = false;
  /** Statistics. */
  submitted = 0;
  completed = 0;
  constructor(
    readonly k: Kernel,
    readonly owner: Process,
    entries: number,
    readonly flags: number,
  ) {
    this.sq = new SqRing(entries);
    this.cq = new CqRing(entries * 2);
    this.wq = new IoWq(k, this);
  }

  describe(): string {
    return 'anon_inode:[io_uring]';
  }

  get cqReady(): number {
    return this.cq.tail - this.cq.head;
  }

  /** io_cqring_fill_event + io_cqring_ev_posted: write a CQE and wake whoever waits for one. */
  *post(user_data: number, res: number): KGen<void> {
    const k = this.k;
    yield* work(k.costs.uringCqe);
    this.flushBacklog();
    const cqe = { user_data, res, flags: 0 };
    if (this.cqReady >= this.cq.ring_entries) {
      this.backlog.push(cqe);
      this.cq.overflow++;
    } else {
      this.cq.cqes[this.cq.tail & this.cq.ring_mask] = cqe;
      this.cq.tail++;
    }
    this.completed++;
    yield* k.wakeUp(this.cqWait, POLLIN | POLLRDNORM, Infinity);
  }

  /** Move overflowed CQEs into the ring as space allows (io_cqring_overflow_flush). */
  flushBacklog(): void {
    while (this.backlog.length > 0 && this.cqReady < this.cq.ring_entries) {
      this.cq.cqes[this.cq.tail & this.cq.ring_mask] = this.backlog.shift()!;
      this.cq.tail++;
    }
  }

  /** The ring's descriptor is readable when CQEs wait (programs put it in epoll). */
  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.cqWait);
    let mask = 0;
    if (this.cqReady > 0 || this.backlog.length > 0) mask |= POLLIN | POLLRDNORM;
    if (this.sq.tail - this.sq.head < this.sq.ring_entries) mask |= POLLOUT | POLLWRNORM;
    return mask;
  }

  /** The last descriptor is gone: the SQPOLL thread ends (io_ring_ctx_free). */
  release(): void {
    this.dead = true;
    this.sqWait.wake();
  }
}

/** The next SQE the kernel has not consumed yet (io_get_sqe), copied as the kernel reads it once. */
export function takeSqe(ring: Ring): IoUringSqe | null {
  const sq = ring.sq;
  if (sq.head === sq.tail) return null;
  const sqe = sq.array[sq.head & sq.ring_mask];
  sq.head++;
  return sqe ? { ...sqe } : null;
}

/** io_cqring_wait(): wait for `min` CQEs, running task work (completions) as it arrives. */
export function* waitCqes(k: Kernel, t: Thread, ring: Ring, min: number): KGen<void> {
  for (;;) {
    if (t.taskWork) yield* taskWorkRun(k, t);
    ring.flushBacklog();
    if (ring.cqReady >= min || ring.dead) return;
    yield* k.sleepOn(t, [ring.cqWait, t.taskWorkWait], 'io_cqring_wait');
  }
}
