// How io_uring carries out each request (io_uring/rw.c, net.c, poll.c, io_uring.c).
// A request is first tried without blocking, in the context of whoever submitted it
// (the program inside io_uring_enter, or the SQPOLL thread). If it cannot finish:
//  - O_DIRECT file I/O: the bio is in flight; its completion queues task work.
//  - buffered reads: readahead is started and the request waits on the pages
//    (async buffered reads, Linux 5.9+), then is retried as task work.
//  - sockets and pipes: a poll entry goes on the file's wait queue (IORING_FEAT_FAST_POLL);
//    when it fires, the request is retried as task work.
//  - anything else that would block (fsync, buffered writes): an io-wq worker does it.
// Task work runs in the submitter's context, so the copy of a recv happens there.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile } from '../kernel/file.js';
import type { WaitEntry } from '../kernel/waitqueue.js';
import { taskWorkAdd } from '../kernel/task-work.js';
import { EAGAIN, EBADF, EFAULT, EINVAL, ENOTSOCK } from '../kernel/errno.js';
import { O_DIRECT, O_NONBLOCK, O_RDWR, SOCK_CLOEXEC, SOCK_NONBLOCK } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from '../kernel/poll.js';
import { inodeOf, isCached, prefetch, startDirect } from '../fs/regular-file.js';
import { socketOf } from '../fs/socket.js';
import { MSG_DONTWAIT } from '../fs/socket-flags.js';
import type { Page } from '../fs/page-cache.js';
import {
  IORING_OP_ACCEPT, IORING_OP_FSYNC, IORING_OP_NOP, IORING_OP_READ, IORING_OP_RECV, IORING_OP_SEND, IORING_OP_WRITE,
  type IoUringSqe, type Ring,
} from './uring.js';

/** struct io_kiocb: one request, from SQE to CQE. */
interface Req {
  ring: Ring;
  sqe: IoUringSqe;
  file: OpenFile | null;
  /** Where task work for it runs: the submitting thread, or the SQPOLL thread. */
  task: Thread;
}

/** io_submit_sqe(): prepare one SQE (the file is looked up now, in the ring owner's table) and issue it. */
export function* submitSqe(k: Kernel, t: Thread, ring: Ring, sqe: IoUringSqe): KGen<void> {
  yield* work(k.costs.uringSqe);
  ring.submitted++;
  const req: Req = { ring, sqe, file: null, task: t };
  if (sqe.flags) {
    k.hint(t, 'io_uring: IOSQE_* flags (links, drain, fixed files...) are not modelled; the request fails with EINVAL.');
    return yield* complete(k, req, -EINVAL);
  }
  if (sqe.opcode !== IORING_OP_NOP) {
    const e = ring.owner.fds.get(sqe.fd);
    if (!e) return yield* complete(k, req, -EBADF);
    req.file = e.file.get();
  }
  yield* issue(k, req);
}

function* complete(k: Kernel, req: Req, res: number): KGen<void> {
  req.file?.put(k);
  req.file = null;
  yield* req.ring.post(req.sqe.user_data, res);
}

/** Try the operation now, without blocking; arrange for it to finish later otherwise. */
function* issue(k: Kernel, req: Req): KGen<void> {
  switch (req.sqe.opcode) {
    case IORING_OP_NOP:
      return yield* complete(k, req, 0);
    case IORING_OP_READ:
    case IORING_OP_WRITE:
      return yield* readWrite(k, req);
    case IORING_OP_RECV:
    case IORING_OP_SEND:
      return yield* sendRecv(k, req);
    case IORING_OP_ACCEPT:
      return yield* accept(k, req);
    case IORING_OP_FSYNC: {
      const f = req.file!;
      if (!f.obj.fsync) return yield* complete(k, req, -EINVAL);
      return punt(k, req, (w) => f.obj.fsync!(k, w, f));
    }
    default:
      k.hint(req.task, `io_uring: opcode ${req.sqe.opcode} is not modelled (NOP, READ, WRITE, FSYNC, ACCEPT, RECV, SEND are).`);
      return yield* complete(k, req, -EINVAL);
  }
}

function buffer(req: Req): Uint8Array | null {
  const buf = req.sqe.addr;
  const len = req.sqe.len ?? 0;
  return buf instanceof Uint8Array && Number.isInteger(len) && len >= 0 && len <= buf.length ? buf : null;
}

function* readWrite(k: Kernel, req: Req): KGen<void> {
  const f = req.file!;
  const t = req.task;
  const write = req.sqe.opcode === IORING_OP_WRITE;
  const buf = buffer(req);
  if (!buf) return yield* complete(k, req, -EFAULT);
  const len = req.sqe.len ?? 0;
  const usePos = (req.sqe.off ?? -1) === -1;
  const pos = usePos ? f.pos : req.sqe.off!;
  const inode = inodeOf(f.obj);
  if (inode) {
    if (f.flags & O_DIRECT) {
      const n = yield* startDirect(k, t, inode, write ? 'write' : 'read', pos, buf, len, (res) => later(req, () => finishPos(k, req, usePos, pos, res)));
      if (n <= 0) yield* complete(k, req, n);
      return;
    }
    if (write) return punt(k, req, (w) => finishPosGen(k, req, usePos, pos, f.obj.writeAt!(k, w, f, buf, len, pos)));
    if (!isCached(inode, pos, len)) {
      const pages = yield* prefetch(t, f, pos, len);
      return waitPages(req, pages, () => issue(k, req));
    }
    const res = yield* f.obj.readAt!(k, t, f, buf, len, pos);
    return yield* finishPos(k, req, usePos, pos, res);
  }
  // Pipes, sockets, devices: as a non-blocking read or write; if not ready, wait for readiness.
  const nb = nonblocking(f);
  const res = write ? (f.obj.write ? yield* f.obj.write(k, t, nb, buf, len) : -EINVAL) : f.obj.read ? yield* f.obj.read(k, t, nb, buf, len) : -EINVAL;
  if (res === -EAGAIN) return armPoll(k, req, write ? POLLOUT : POLLIN);
  yield* complete(k, req, res);
}

function* finishPos(k: Kernel, req: Req, usePos: boolean, pos: number, res: number): KGen<void> {
  if (usePos && res > 0 && req.file) req.file.pos = pos + res;
  yield* complete(k, req, res);
}

function* finishPosGen(k: Kernel, req: Req, usePos: boolean, pos: number, op: KGen<number>): KGen<void> {
  yield* finishPos(k, req, usePos, pos, yield* op);
}

function* sendRecv(k: Kernel, req: Req): KGen<void> {
  const f = req.file!;
  const sock = socketOf(f.obj);
  if (!sock) return yield* complete(k, req, -ENOTSOCK);
  const buf = buffer(req);
  if (!buf) return yield* complete(k, req, -EFAULT);
  const send = req.sqe.opcode === IORING_OP_SEND;
  const flags = (req.sqe.op_flags ?? 0) | MSG_DONTWAIT;
  const len = req.sqe.len ?? 0;
  const res = send ? yield* sock.sendmsg(k, req.task, f, buf, len, flags) : yield* sock.recvmsg(k, req.task, f, buf, len, flags);
  if (res === -EAGAIN) return armPoll(k, req, send ? POLLOUT : POLLIN);
  yield* complete(k, req, res);
}

function* accept(k: Kernel, req: Req): KGen<void> {
  const f = req.file!;
  const sock = socketOf(f.obj);
  if (!sock) return yield* complete(k, req, -ENOTSOCK);
  if (!sock.accept) return yield* complete(k, req, -EINVAL);
  const r = yield* sock.accept(k, req.task, nonblocking(f));
  if (r === -EAGAIN) return armPoll(k, req, POLLIN);
  if (typeof r === 'number') return yield* complete(k, req, r);
  const flags = req.sqe.op_flags ?? 0;
  const nf = new OpenFile(r, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0));
  const fd = req.ring.owner.fds.install(nf, (flags & SOCK_CLOEXEC) !== 0);
  if (fd < 0) nf.put(k);
  const peer = socketOf(r)?.name?.(true);
  if (fd >= 0 && peer && req.sqe.addr && typeof req.sqe.addr === 'object' && !(req.sqe.addr instanceof Uint8Array)) Object.assign(req.sqe.addr, peer);
  yield* complete(k, req, fd);
}

/** The same open file description, seen with O_NONBLOCK (IOCB_NOWAIT / MSG_DONTWAIT for the first attempt). */
function nonblocking(f: OpenFile): OpenFile {
  const nb = Object.create(f) as OpenFile;
  nb.flags = f.flags | O_NONBLOCK;
  return nb;
}

/** io_req_task_work_add(): finish it later in the submitter's context (task work). */
function later(req: Req, fn: () => KGen<void>): KGen<void> {
  taskWorkAdd(req.task, fn);
  return nothing();
}

function* nothing(): KGen<void> {}

/** io_arm_poll_handler(): wait for readiness with an entry on the file's wait queues, then retry. */
function armPoll(k: Kernel, req: Req, mask: number): void {
  const f = req.file!;
  const entries: WaitEntry[] = [];
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    for (const e of entries) e.queue?.remove(e);
    taskWorkAdd(req.task, () => issue(k, req));
  };
  const want = mask | POLLERR | POLLHUP;
  const table = {
    wait(q: import('../kernel/waitqueue.js').WaitQueue): void {
      const e: WaitEntry = { exclusive: false, queue: null, func: (_e, key) => {
        if ((key & want) === 0) return false;
        fire();
        return true;
      } };
      q.add(e);
      entries.push(e);
    },
  };
  const ready = f.obj.poll ? f.obj.poll(k, f, table) : 0;
  if (ready & want) fire();
}

/** Async buffered read: retry once every page has been read in (wait_page_queue callbacks). */
function waitPages(req: Req, pages: Page[], retry: () => KGen<void>): void {
  const pending = pages.filter((p) => p.locked);
  if (pending.length === 0) {
    taskWorkAdd(req.task, retry);
    return;
  }
  let left = pending.length;
  for (const p of pending) {
    const e: WaitEntry = { exclusive: false, queue: null, func: () => {
      if (p.locked) return false;
      e.queue?.remove(e);
      if (--left === 0) taskWorkAdd(req.task, retry);
      return true;
    } };
    p.wait.add(e);
  }
}

/** io_queue_iowq(): an io-wq worker does it, blocking as needed, and posts the CQE itself. */
function punt(k: Kernel, req: Req, op: (worker: Thread) => KGen<number | void>): void {
  req.ring.wq.enqueue({
    run: function* (w) {
      const res = yield* op(w);
      if (typeof res === 'number') yield* complete(k, req, res);
    },
  });
}
