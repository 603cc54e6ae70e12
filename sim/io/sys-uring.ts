// io_uring_setup(2) and io_uring_enter(2) (io_uring/io_uring.c), and the mmap that
// gives the program the rings.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile } from '../kernel/file.js';
import { EBADF, EFAULT, EINVAL, EMFILE, EOPNOTSUPP } from '../kernel/errno.js';
import { O_RDWR } from '../kernel/flags.js';
import {
  IORING_ENTER_GETEVENTS, IORING_ENTER_SQ_WAKEUP, IORING_FEAT_FAST_POLL, IORING_FEAT_NODROP, IORING_FEAT_SINGLE_MMAP,
  IORING_SETUP_IOPOLL, IORING_SETUP_SQPOLL, Ring, takeSqe, waitCqes, type CqRing, type IoUringParams, type SqRing,
} from './uring.js';
import { submitSqe } from './uring-ops.js';
import { sqThread } from './uring-sqpoll.js';

/** IORING_MAX_ENTRIES. */
const MAX_ENTRIES = 32768;

/** io_uring_setup(): create the rings (and the SQPOLL thread); returns the ring's descriptor. */
export function* sysIoUringSetup(k: Kernel, t: Thread, entries: number, params: IoUringParams): KGen<number> {
  if (typeof params !== 'object' || params === null) return -EFAULT;
  if (!Number.isInteger(entries) || entries < 1 || entries > MAX_ENTRIES) return -EINVAL;
  const flags = params.flags ?? 0;
  if (flags & IORING_SETUP_IOPOLL) return k.notModelled(t, 'IORING_SETUP_IOPOLL (polled completions)');
  if (flags & ~IORING_SETUP_SQPOLL) return -EINVAL;
  yield* work(k.costs.fileOp * 20); // allocate the rings and the context
  let n = 1;
  while (n < entries) n *= 2; // roundup_pow_of_two
  const ring = new Ring(k, t.process, n, flags);
  const f = new OpenFile(ring, O_RDWR);
  const fd = t.process.fds.install(f, true);
  if (fd < 0) {
    f.put(k);
    return -EMFILE;
  }
  params.sq_entries = n;
  params.cq_entries = 2 * n;
  params.features = IORING_FEAT_SINGLE_MMAP | IORING_FEAT_NODROP | IORING_FEAT_FAST_POLL;
  if (flags & IORING_SETUP_SQPOLL) {
    // Unprivileged since Linux 5.13 (CAP_SYS_ADMIN before 5.11, CAP_SYS_NICE in 5.11-5.12).
    ring.sqIdle = Math.round((params.sq_thread_idle ?? 1000) * 1_000_000);
    ring.sqThread = k.spawnKernelThread(`iou-sqp-${t.process.pid}`, null, (st) => sqThread(k, st, ring));
  }
  return fd;
}

function ringOf(t: Thread, fd: number): Ring | number {
  const e = t.process.fds.get(fd);
  if (!e) return -EBADF;
  return e.file.obj instanceof Ring ? e.file.obj : -EOPNOTSUPP;
}

/** mmap(IORING_OFF_SQ_RING ...): the shared rings, handed to the program. */
export function* sysMmapRings(k: Kernel, t: Thread, fd: number, out: { sq?: SqRing; cq?: CqRing }): KGen<number> {
  yield* work(k.costs.fileOp * 10);
  const ring = ringOf(t, fd);
  if (typeof ring === 'number') return ring === -EOPNOTSUPP ? -EINVAL : ring;
  out.sq = ring.sq;
  out.cq = ring.cq;
  return 0;
}

/**
 * io_uring_enter(): submit up to to_submit SQEs from the ring (with SQPOLL the thread
 * does that; SQ_WAKEUP wakes it), then with GETEVENTS wait until min_complete CQEs are
 * there. Returns the number of SQEs consumed.
 */
export function* sysIoUringEnter(k: Kernel, t: Thread, fd: number, toSubmit: number, minComplete: number, flags: number): KGen<number> {
  const ring = ringOf(t, fd);
  if (typeof ring === 'number') return ring;
  if (!Number.isInteger(toSubmit) || toSubmit < 0 || !Number.isInteger(minComplete) || minComplete < 0) return -EINVAL;
  yield* work(k.costs.fileOp);
  let submitted = 0;
  if (ring.flags & IORING_SETUP_SQPOLL) {
    if (flags & IORING_ENTER_SQ_WAKEUP) ring.sqWait.wake();
    submitted = Math.min(toSubmit, ring.sq.tail - ring.sq.head);
  } else {
    while (submitted < toSubmit) {
      const sqe = takeSqe(ring);
      if (!sqe) break;
      yield* submitSqe(k, t, ring, sqe);
      submitted++;
    }
  }
  if (flags & IORING_ENTER_GETEVENTS) yield* waitCqes(k, t, ring, Math.min(minComplete, ring.cq.ring_entries));
  return submitted;
}

