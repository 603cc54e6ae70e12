// Windows I/O completion ports: THE WINDOWS MODEL, not Linux. Linux has no IOCP; this
// models the Win32 semantics (learn.microsoft.com, "I/O Completion Ports") on top of
// this simulated kernel's sockets and files, to set the proactor (completion) model
// beside epoll's reactor (readiness) model.
//
// A port is a kernel queue of completion packets. A program starts overlapped
// operations (ReadFile, WSARecv, WSASend) on handles associated with the port, giving
// the buffer up front; the operation returns at once (ERROR_IO_PENDING) and the system
// fills the buffer when data arrives, then queues a packet: bytes, the handle's
// completion key, and the OVERLAPPED the program passed. Threads take packets with
// GetQueuedCompletionStatus: packets come out first in, first out; waiting threads are
// released last in, first out (the most recently active thread is likely still hot in
// cache); and no more than the port's concurrency value of threads run at once from
// the port (0 means one per CPU). A released thread that blocks on something else no
// longer counts, so another may be released; when it wakes it counts again.
//
// Here the copy into a pending buffer is done in a deferred procedure call (DPC, the
// Windows analogue of a tasklet), modelled as a tasklet on the CPU where data arrived.

import type { FileObject, OpenFile } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue, type WaitEntry } from '../kernel/waitqueue.js';
import { EAGAIN } from '../kernel/errno.js';
import { O_NONBLOCK } from '../kernel/flags.js';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from '../kernel/poll.js';
import { socketOf } from '../fs/socket.js';
import { MSG_DONTWAIT } from '../fs/socket-flags.js';
import { inodeOf, isCached, prefetch } from '../fs/regular-file.js';

/** OVERLAPPED: identifies one operation; the system writes its status and byte count here. */
export interface Overlapped {
  /** Status: 0 when done, STATUS_PENDING (0x103) while in progress. */
  Internal?: number;
  /** Bytes transferred. */
  InternalHigh?: number;
  /** File offset (ReadFile/WriteFile on files). */
  Offset?: number;
  /** Anything the program wants to find again on completion. */
  [key: string]: unknown;
}

/** One completion packet. */
export interface CompletionPacket {
  bytes: number;
  key: number;
  overlapped: Overlapped | null;
  /** 0, or a Win32 error for a failed operation. */
  error: number;
}

export const STATUS_PENDING = 0x103;
export const ERROR_IO_PENDING = 997;
export const WAIT_TIMEOUT = 258;
export const ERROR_INVALID_HANDLE = 6;
export const ERROR_INVALID_PARAMETER = 87;
export const ERROR_NETNAME_DELETED = 64;
export const INFINITE = 0xffffffff;

/** The I/O completion port object (KQUEUE). */
export class CompletionPort implements FileObject {
  readonly kind = 'iocp';
  readonly packets: CompletionPacket[] = [];
  /** Threads in GetQueuedCompletionStatus, most recent last (released LIFO). */
  readonly waiters: Thread[] = [];
  /** Threads released by this port and not blocked elsewhere (KQUEUE.CurrentCount). */
  running = 0;
  readonly concurrency: number;
  /** Threads released by this port since their last GetQueuedCompletionStatus. */
  readonly active = new Set<Thread>();
  /** A released thread blocking on something else stops counting, and counts again once woken. */
  readonly hook = {
    blocked: (t: Thread): void => {
      if (!this.active.has(t)) return;
      this.running--;
      this.release();
    },
    woken: (t: Thread): void => {
      if (this.active.has(t)) this.running++;
    },
  };

  constructor(
    readonly k: Kernel,
    concurrency: number,
  ) {
    this.concurrency = concurrency > 0 ? concurrency : k.sched.cpus.length;
  }

  describe(): string {
    return 'IoCompletion';
  }

  /** KeInsertQueue: a packet joins the queue (FIFO); a waiter may be released. */
  queuePacket(p: CompletionPacket): void {
    this.packets.push(p);
    this.release();
  }

  /** Release the most recent waiter while a packet waits and fewer than `concurrency` threads run. */
  release(): void {
    let granted = 0;
    for (const t of this.active) if (t.iocpGrant) granted++;
    while (this.packets.length > granted && this.waiters.length > 0 && this.running < this.concurrency) {
      const t = this.waiters.pop()!;
      this.running++; // counted at once, so the next packet cannot release one thread too many
      this.active.add(t);
      t.iocpGrant = true;
      granted++;
      this.k.wakeThread(t, 'wake');
    }
  }

  /** The thread is back in GetQueuedCompletionStatus: it no longer runs for the port. */
  leave(t: Thread): void {
    t.sleepHook = null;
    if (this.active.delete(t)) this.running--;
  }
}

/** Handles associated with a port, and their keys (the FILE_COMPLETION_INFORMATION of a file object). */
const associations = new WeakMap<OpenFile, { port: CompletionPort; key: number }>();

export function associate(f: OpenFile, port: CompletionPort, key: number): void {
  associations.set(f, { port, key });
}

export function associationOf(f: OpenFile): { port: CompletionPort; key: number } | undefined {
  return associations.get(f);
}

/** GetQueuedCompletionStatus (KeRemoveQueue): the oldest packet, waiting up to `timeout` ns (undefined: for ever). */
export function* dequeue(k: Kernel, t: Thread, port: CompletionPort, timeout: number | undefined): KGen<CompletionPacket | null> {
  yield* work(k.costs.fileOp);
  port.leave(t);
  let left = timeout;
  for (;;) {
    if (t.iocpGrant) {
      t.iocpGrant = false;
      const p = port.packets.shift();
      if (p) {
        t.sleepHook = port.hook;
        return p;
      }
      port.leave(t); // released, but the packet went to a thread that asked meanwhile
    } else if (port.packets.length > 0 && port.running < port.concurrency) {
      port.running++;
      port.active.add(t);
      t.sleepHook = port.hook;
      return port.packets.shift()!;
    }
    if (left !== undefined && left <= 0) return null;
    port.waiters.push(t);
    const start = k.now;
    const why = yield* k.sleepOn(t, t.iocpWait, 'NtRemoveIoCompletion', left);
    if (left !== undefined) left -= k.now - start;
    const i = port.waiters.indexOf(t);
    if (i >= 0) port.waiters.splice(i, 1);
    if (why === 'timeout' && !t.iocpGrant) return null;
  }
}

/**
 * An overlapped receive or read (WSARecv, ReadFile): the buffer is the program's, given
 * now. If data is there, it is copied at once; either way the result comes as a packet.
 */
export function* overlappedRead(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, len: number, ov: Overlapped, offset: number | null): KGen<number> {
  const assoc = associationOf(f);
  ov.Internal = STATUS_PENDING;
  ov.InternalHigh = 0;
  const attempt = function* (ctx: Thread | null): KGen<number> {
    const sock = socketOf(f.obj);
    if (sock) return yield* sock.recvmsg(k, ctx ?? t, f, buf, len, MSG_DONTWAIT);
    if (f.obj.readAt && offset !== null) return yield* f.obj.readAt(k, ctx ?? t, f, buf, len, offset);
    return f.obj.read ? yield* f.obj.read(k, ctx ?? t, nonblocking(f), buf, len) : -EAGAIN;
  };
  const inode = inodeOf(f.obj);
  if (inode && offset !== null && !isCached(inode, offset, len)) {
    const pages = yield* prefetch(t, f, offset, len);
    whenPagesRead(pages, () => dpc(k, function* () {
      finish(ov, assoc, yield* attempt(null));
    }));
    return -EAGAIN;
  }
  const res = yield* attempt(t);
  if (res === -EAGAIN) {
    onReady(k, f, POLLIN, () => dpc(k, function* () {
      const r = yield* attempt(null);
      if (r === -EAGAIN) return; // (a spurious wakeup: the next arrival completes it)
      finish(ov, assoc, r);
    }));
    return -EAGAIN;
  }
  finish(ov, assoc, res);
  return res;
}

/** An overlapped send (WSASend): what fits is sent now; the rest when the socket has room. */
export function* overlappedWrite(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, len: number, ov: Overlapped): KGen<number> {
  const assoc = associationOf(f);
  ov.Internal = STATUS_PENDING;
  const sock = socketOf(f.obj);
  const res = sock ? yield* sock.sendmsg(k, t, f, data, len, MSG_DONTWAIT) : f.obj.write ? yield* f.obj.write(k, t, nonblocking(f), data, len) : -EAGAIN;
  if (res === -EAGAIN) {
    onReady(k, f, POLLOUT, () => dpc(k, function* () {
      const r = sock ? yield* sock.sendmsg(k, t, f, data, len, MSG_DONTWAIT) : -EAGAIN;
      if (r !== -EAGAIN) finish(ov, assoc, r);
    }));
    return -EAGAIN;
  }
  finish(ov, assoc, res);
  return res;
}

/** IRP completion: record the result in the OVERLAPPED and queue the packet on the handle's port. */
function finish(ov: Overlapped, assoc: { port: CompletionPort; key: number } | undefined, res: number): void {
  ov.Internal = res < 0 ? res : 0;
  ov.InternalHigh = Math.max(0, res);
  assoc?.port.queuePacket({ bytes: Math.max(0, res), key: assoc.key, overlapped: ov, error: res < 0 ? ERROR_NETNAME_DELETED : 0 });
}

function nonblocking(f: OpenFile): OpenFile {
  const nb = Object.create(f) as OpenFile;
  nb.flags = f.flags | O_NONBLOCK;
  return nb;
}

/** Wait (once) for the file to become readable or writable. */
function onReady(k: Kernel, f: OpenFile, mask: number, fn: () => void): void {
  const entries: WaitEntry[] = [];
  let fired = false;
  const want = mask | POLLERR | POLLHUP;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    for (const e of entries) e.queue?.remove(e);
    fn();
  };
  const ready = f.obj.poll?.(k, f, {
    wait(q: WaitQueue): void {
      const e: WaitEntry = { exclusive: false, queue: null, func: (_e, key) => ((key & want) !== 0 ? (fire(), true) : false) };
      q.add(e);
      entries.push(e);
    },
  }) ?? 0;
  if (ready & want) fire();
}

function whenPagesRead(pages: { locked: boolean; wait: WaitQueue }[], fn: () => void): void {
  let left = pages.filter((p) => p.locked).length;
  if (left === 0) return fn();
  for (const p of pages) {
    if (!p.locked) continue;
    const e: WaitEntry = { exclusive: false, queue: null, func: () => {
      if (p.locked) return false;
      e.queue?.remove(e);
      if (--left === 0) fn();
      return true;
    } };
    p.wait.add(e);
  }
}

/** A deferred procedure call: finish the operation soon, in softirq context on this CPU. */
function dpc(k: Kernel, body: () => KGen<void>): void {
  const cpu = k.atomic?.cpu ?? k.context?.cpu ?? k.sched.cpus[0]!;
  k.softirq.taskletSchedule(cpu, { name: 'IOCP DPC', run: () => body() });
}
