// Linux native AIO (fs/aio.c): io_setup, io_submit, io_getevents, io_destroy.
//
// io_submit() hands each iocb to the file's read or write method with a completion
// callback (aio_read → call_read_iter). For a file opened with O_DIRECT, the method
// only submits a bio and returns -EIOCBQUEUED: io_submit moves on, and the completion
// (in the BLOCK softirq) puts an io_event in the context's ring and wakes
// io_getevents. For a buffered file the method is filemap_read, which does the whole
// read, sleeping for the disk if the pages are not cached, before it returns: so on a
// page-cache miss io_submit *blocks*, and the "asynchronous" call is synchronous.
// (RWF_NOWAIT, Linux 4.14, makes such an iocb fail with EAGAIN instead.) That is why
// native AIO was only ever useful for O_DIRECT, and why io_uring exists.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { EAGAIN, EBADF, EFAULT, EINVAL } from '../kernel/errno.js';
import { O_ACCMODE, O_DIRECT, O_RDONLY, O_WRONLY } from '../kernel/flags.js';
import { copyToUser } from '../kernel/uaccess.js';
import { inodeOf, isCached, startDirect } from '../fs/regular-file.js';
import type { Plug, RequestQueue } from '../hw/blk.js';

export const IOCB_CMD_PREAD = 0;
export const IOCB_CMD_PWRITE = 1;
export const IOCB_CMD_FSYNC = 2;
export const IOCB_CMD_FDSYNC = 3;
export const IOCB_CMD_NOOP = 6;
/** aio_rw_flags: fail with EAGAIN rather than block (Linux 4.14). */
export const RWF_NOWAIT = 0x8;

/** struct iocb, the fields a program fills in. */
export interface Iocb {
  aio_data?: number;
  aio_lio_opcode: number;
  aio_fildes: number;
  aio_buf: Uint8Array;
  aio_nbytes: number;
  aio_offset: number;
  aio_rw_flags?: number;
}

/** struct io_event: what io_getevents returns for each finished iocb. */
export interface IoEvent {
  data: number;
  obj: Iocb;
  res: number;
  res2: number;
}

/** struct kioctx: one AIO context, its completion ring and who waits on it. */
export class AioContext {
  readonly ring: IoEvent[] = [];
  readonly wait = new WaitQueue('read_events');
  inflight = 0;
  dead = false;
  constructor(
    readonly id: number,
    readonly maxEvents: number,
  ) {}
}

/**
 * Each kernel's AIO contexts, and the id the next one gets. On Linux the id is the user
 * address where the completion ring is mapped (aio_setup_ring()); here, addresses in a
 * made-up mapping area, one page apart. Per kernel, never module-wide: a run's trace must
 * not depend on the runs before it in the same process or worker.
 */
const contexts = new WeakMap<Kernel, { byId: Map<number, AioContext>; nextId: number }>();

function aioState(k: Kernel): { byId: Map<number, AioContext>; nextId: number } {
  let s = contexts.get(k);
  if (!s) contexts.set(k, (s = { byId: new Map(), nextId: 0x7f0000001000 }));
  return s;
}

function table(k: Kernel): Map<number, AioContext> {
  return aioState(k).byId;
}

/** io_setup(): a context for up to nr_events in flight; its id is written to ctxp.ctx. */
export function* sysIoSetup(k: Kernel, t: Thread, nrEvents: number, ctxp: { ctx: number }): KGen<number> {
  if (typeof ctxp !== 'object' || ctxp === null) return -EFAULT;
  if (!Number.isInteger(nrEvents) || nrEvents <= 0 || nrEvents > 65536) return -EINVAL;
  yield* work(k.costs.fileOp * 10); // the ring is allocated and mapped into the process
  const state = aioState(k);
  const ctx = new AioContext(state.nextId, nrEvents);
  state.nextId += 0x1000;
  table(k).set(ctx.id, ctx);
  ctxp.ctx = ctx.id;
  void t;
  return 0;
}

/** aio_complete(): the event goes into the ring and io_getevents waiters wake. */
function* complete(k: Kernel, ctx: AioContext, cb: Iocb, res: number): KGen<void> {
  ctx.inflight--;
  ctx.ring.push({ data: cb.aio_data ?? 0, obj: cb, res, res2: 0 });
  yield* k.wakeUp(ctx.wait, undefined, Infinity);
}

/** io_submit(): queue each iocb; returns how many were accepted. Blocks for buffered files (see above). */
export function* sysIoSubmit(k: Kernel, t: Thread, ctxId: number, nr: number, iocbs: Iocb[]): KGen<number> {
  const ctx = table(k).get(ctxId);
  if (!ctx || ctx.dead) return -EINVAL;
  if (!Array.isArray(iocbs) || !Number.isInteger(nr) || nr < 0 || nr > iocbs.length) return -EFAULT;
  const plug: Plug = { bios: [] }; // blk_start_plug(): the batch's bios may merge
  let queue: RequestQueue | null = null;
  let done = 0;
  try {
    for (; done < nr; done++) {
      yield* work(k.costs.aioSubmit);
      // Slots are taken until io_getevents has reaped the event (reqs_available).
      if (ctx.inflight + ctx.ring.length >= ctx.maxEvents) return done > 0 ? done : -EAGAIN;
      const r = yield* submitOne(k, t, ctx, iocbs[done]!, plug);
      if (typeof r === 'number') return done > 0 ? done : r; // refused at submission: io_submit_one's error
      if (r) queue = r;
    }
    return done;
  } finally {
    if (queue) queue.flush(plug, t.cpu?.id ?? 0); // blk_finish_plug()
  }
}

/**
 * io_submit_one() for one iocb. Returns -errno if it is refused (bad descriptor, opcode
 * or buffer), the request queue its bio went to if it will complete later, or null if
 * it has completed already (its event is in the ring).
 */
function* submitOne(k: Kernel, t: Thread, ctx: AioContext, cb: Iocb, plug: Plug): KGen<RequestQueue | null | number> {
  if (typeof cb !== 'object' || cb === null) return -EFAULT;
  const op = cb.aio_lio_opcode;
  if (op === IOCB_CMD_NOOP) {
    ctx.inflight++;
    yield* complete(k, ctx, cb, 0);
    return null;
  }
  const e = t.process.fds.get(cb.aio_fildes);
  if (!e) return -EBADF;
  const f = e.file;
  const inode = inodeOf(f.obj);
  if (op === IOCB_CMD_FSYNC || op === IOCB_CMD_FDSYNC) {
    if (!f.obj.fsync) return -EINVAL;
    // aio_fsync: Linux hands it to a workqueue; here it runs, and blocks, inside io_submit.
    ctx.inflight++;
    yield* complete(k, ctx, cb, yield* f.obj.fsync(k, t, f));
    return null;
  }
  if (op !== IOCB_CMD_PREAD && op !== IOCB_CMD_PWRITE) return -EINVAL;
  const write = op === IOCB_CMD_PWRITE;
  const mode = f.flags & O_ACCMODE;
  if ((write && mode === O_RDONLY) || (!write && mode === O_WRONLY)) return -EBADF;
  const buf = cb.aio_buf;
  if (!(buf instanceof Uint8Array) || !(cb.aio_nbytes <= buf.length)) return -EFAULT;
  ctx.inflight++;
  if (inode && f.flags & O_DIRECT) {
    // ->read_iter with a kiocb that has ki_complete: submit the bio, return -EIOCBQUEUED.
    const n = yield* startDirect(k, t, inode, write ? 'write' : 'read', cb.aio_offset, buf, cb.aio_nbytes, (res) => complete(k, ctx, cb, res), plug);
    if (n > 0) return inode.mapping.queue;
    yield* complete(k, ctx, cb, n);
    return null;
  }
  if (inode && !write && (cb.aio_rw_flags ?? 0) & RWF_NOWAIT && !isCached(inode, cb.aio_offset, cb.aio_nbytes)) {
    yield* complete(k, ctx, cb, -EAGAIN);
    return null;
  }
  // Buffered (or not a disk file): the method does all the work now, blocking if it must.
  const method = write ? f.obj.writeAt : f.obj.readAt;
  const res = method ? yield* method.call(f.obj, k, t, f, buf, cb.aio_nbytes, cb.aio_offset) : -EINVAL;
  yield* complete(k, ctx, cb, res);
  return null;
}

export interface Timespec {
  tv_sec: number;
  tv_nsec: number;
}

/** io_getevents(): wait for at least min_nr events (or the timeout), return up to nr of them. */
export function* sysIoGetevents(k: Kernel, t: Thread, ctxId: number, minNr: number, nr: number, events: IoEvent[], timeout: Timespec | null): KGen<number> {
  const ctx = table(k).get(ctxId);
  if (!ctx) return -EINVAL;
  if (!Array.isArray(events)) return -EFAULT;
  if (minNr < 0 || nr < minNr) return -EINVAL;
  yield* work(k.costs.fileOp);
  let left = timeout ? timeout.tv_sec * 1e9 + timeout.tv_nsec : undefined;
  while (ctx.ring.length < minNr) {
    if (left !== undefined && left <= 0) break;
    const start = k.now;
    const why = yield* k.sleepOn(t, ctx.wait, 'read_events', left);
    if (left !== undefined) left -= k.now - start;
    if (why === 'timeout') break;
  }
  const got = ctx.ring.splice(0, nr);
  events.length = 0;
  events.push(...got);
  yield* copyToUser(k, got.length * 32); // sizeof(struct io_event)
  return got.length;
}

/** io_destroy(): wait for what is in flight, then free the context. */
export function* sysIoDestroy(k: Kernel, t: Thread, ctxId: number): KGen<number> {
  const ctx = table(k).get(ctxId);
  if (!ctx || ctx.dead) return -EINVAL;
  yield* work(k.costs.fileOp);
  ctx.dead = true;
  while (ctx.inflight > 0) yield* k.sleepOn(t, ctx.wait, 'io_destroy');
  table(k).delete(ctxId);
  return 0;
}
