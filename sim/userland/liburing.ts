// liburing (github.com/axboe/liburing), the user-space half of io_uring, as most
// programs use it: get an SQE from the shared ring, fill it in (io_uring_prep_*),
// publish it (io_uring_submit), and take CQEs (io_uring_wait_cqe, io_uring_cqe_seen).
// All of that is plain memory access; the library calls io_uring_enter() only when the
// kernel must be told or waited for. With SQPOLL, submitting is just moving the tail.

import type { Sys } from '../sys.js';
import {
  IORING_ENTER_GETEVENTS, IORING_ENTER_SQ_WAKEUP, IORING_OP_ACCEPT, IORING_OP_FSYNC, IORING_OP_NOP, IORING_OP_READ,
  IORING_OP_RECV, IORING_OP_SEND, IORING_OP_WRITE, IORING_SETUP_SQPOLL, IORING_SQ_NEED_WAKEUP,
  type CqRing, type IoUringCqe, type IoUringParams, type IoUringSqe, type SqRing,
} from '../io/uring.js';

/** struct io_uring: a ring as the program holds it. */
export class IoUring {
  /** Where the program has filled SQEs up to (published to sq.tail by submit()). */
  private sqeTail: number;
  constructor(
    private readonly sys: Sys,
    readonly ring_fd: number,
    readonly sq: SqRing,
    readonly cq: CqRing,
    readonly flags: number,
  ) {
    this.sqeTail = sq.tail;
  }

  /** io_uring_get_sqe(): the next free SQE in the shared ring, or null when the ring is full. */
  get_sqe(): IoUringSqe | null {
    const sq = this.sq;
    if (this.sqeTail - sq.head >= sq.ring_entries) return null;
    const sqe: IoUringSqe = { opcode: IORING_OP_NOP, fd: -1, user_data: 0 };
    sq.array[this.sqeTail & sq.ring_mask] = sqe;
    this.sqeTail++;
    return sqe;
  }

  /** SQEs filled in but not yet published. */
  get sq_ready(): number {
    return this.sqeTail - this.sq.tail;
  }

  /**
   * io_uring_submit(): publish the filled SQEs by moving the tail. Without SQPOLL the
   * kernel must be told: io_uring_enter(). With SQPOLL the polling thread sees the tail
   * move; the kernel is entered only to wake that thread if it has gone to sleep.
   */
  async submit(): Promise<number> {
    return this.submit_and_wait(0);
  }

  /** io_uring_submit_and_wait(): submit, and wait until `wait_nr` completions are there. */
  async submit_and_wait(wait_nr: number): Promise<number> {
    const n = this.sqeTail - this.sq.tail;
    this.sq.tail = this.sqeTail; // a store into shared memory (smp_store_release)
    if (this.flags & IORING_SETUP_SQPOLL) {
      const wake = this.sq.flags & IORING_SQ_NEED_WAKEUP ? IORING_ENTER_SQ_WAKEUP : 0;
      const ready = this.cq.tail - this.cq.head;
      if (wake || wait_nr > ready) await this.sys.io_uring_enter(this.ring_fd, n, wait_nr, wake | (wait_nr > ready ? IORING_ENTER_GETEVENTS : 0));
      return n;
    }
    if (n === 0 && wait_nr <= this.cq.tail - this.cq.head) return 0;
    return this.sys.io_uring_enter(this.ring_fd, n, wait_nr, wait_nr > 0 ? IORING_ENTER_GETEVENTS : 0);
  }

  /** io_uring_peek_cqe(): the oldest completion, if any (no system call). */
  peek_cqe(): IoUringCqe | null {
    const cq = this.cq;
    return cq.head === cq.tail ? null : cq.cqes[cq.head & cq.ring_mask]!;
  }

  /** io_uring_wait_cqe(): the oldest completion, entering the kernel to wait only if there is none. */
  async wait_cqe(): Promise<IoUringCqe | null> {
    const c = this.peek_cqe();
    if (c) return c;
    const r = await this.sys.io_uring_enter(this.ring_fd, 0, 1, IORING_ENTER_GETEVENTS);
    return r < 0 ? null : this.peek_cqe();
  }

  /** io_uring_cqe_seen(): the program is done with it; the kernel may reuse the slot. */
  cqe_seen(cqe: IoUringCqe): void {
    void cqe;
    this.cq.head++;
  }

  /** Completions waiting in the ring (io_uring_cq_ready). */
  get cq_ready(): number {
    return this.cq.tail - this.cq.head;
  }
}

/** io_uring_queue_init(): io_uring_setup() and mapping its rings. Returns null (errno set) on failure. */
export async function queueInit(sys: Sys, entries: number, params: IoUringParams = {}): Promise<IoUring | null> {
  const fd = await sys.io_uring_setup(entries, params);
  if (fd < 0) return null;
  const rings: { sq?: SqRing; cq?: CqRing } = {};
  if ((await sys.io_uring_mmap(fd, rings)) < 0) return null;
  return new IoUring(sys, fd, rings.sq!, rings.cq!, params.flags ?? 0);
}

// io_uring_prep_*: fill in an SQE.
export function io_uring_prep_nop(sqe: IoUringSqe): void {
  Object.assign(sqe, { opcode: IORING_OP_NOP, fd: -1 });
}
export function io_uring_prep_read(sqe: IoUringSqe, fd: number, buf: Uint8Array, nbytes: number, offset: number): void {
  Object.assign(sqe, { opcode: IORING_OP_READ, fd, addr: buf, len: nbytes, off: offset });
}
export function io_uring_prep_write(sqe: IoUringSqe, fd: number, buf: Uint8Array, nbytes: number, offset: number): void {
  Object.assign(sqe, { opcode: IORING_OP_WRITE, fd, addr: buf, len: nbytes, off: offset });
}
export function io_uring_prep_fsync(sqe: IoUringSqe, fd: number): void {
  Object.assign(sqe, { opcode: IORING_OP_FSYNC, fd });
}
export function io_uring_prep_recv(sqe: IoUringSqe, sockfd: number, buf: Uint8Array, len: number, flags = 0): void {
  Object.assign(sqe, { opcode: IORING_OP_RECV, fd: sockfd, addr: buf, len, op_flags: flags });
}
export function io_uring_prep_send(sqe: IoUringSqe, sockfd: number, buf: Uint8Array, len: number, flags = 0): void {
  Object.assign(sqe, { opcode: IORING_OP_SEND, fd: sockfd, addr: buf, len, op_flags: flags });
}
export function io_uring_prep_accept(sqe: IoUringSqe, fd: number, addr: object | null = null, flags = 0): void {
  Object.assign(sqe, { opcode: IORING_OP_ACCEPT, fd, addr, op_flags: flags });
}
