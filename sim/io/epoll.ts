// epoll, after fs/eventpoll.c: struct eventpoll with its interest tree and ready list,
// struct epitem, ep_poll_callback(), ep_send_events(). The system calls are in
// sys-epoll.ts.
//
// Registration (epoll_ctl ADD) polls the file once with a table whose wait() puts an
// entry on each of the file's wait queues; the entry's function is ep_poll_callback().
// From then on, whoever wakes that queue (a writer, an arriving packet) runs the
// callback, which puts the item on the ready list and wakes a thread in epoll_wait.
// epoll_wait only looks at the ready list: its cost does not depend on how many files
// are watched, only on how many are ready.

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { WaitQueue, WAKE_ALL_MASK, type PollMask, type WaitEntry } from '../kernel/waitqueue.js';
import { POLLIN, POLLOUT, POLLRDNORM } from '../kernel/poll.js';
import { copyToUser } from '../kernel/uaccess.js';
import { EPOLLET, EPOLLEXCLUSIVE, EPOLLONESHOT, EPOLLWAKEUP } from './flags.js';
import { vfsPoll } from './poll-wait.js';

/** EP_PRIVATE_BITS: flags that are not events; an item with nothing else is disabled (after a ONESHOT event). */
export const EP_PRIVATE_BITS = (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE) >>> 0;

/** struct epoll_event. data is the u64 the kernel gives back untouched (usually the descriptor). */
export interface EpollEvent {
  events: number;
  data: number;
}

/** struct epitem: one watched (file, fd) pair. */
export class EpItem {
  /** pwqlist: our entries on the file's wait queues. */
  readonly entries: WaitEntry[] = [];
  /** On the ready list (rdllink linked), or chained on the overflow list during a transfer. */
  linked = false;
  onOvflist = false;
  constructor(
    readonly ep: EventPoll,
    readonly file: OpenFile,
    readonly fd: number,
    /** event.events, as an unsigned 32-bit mask. */
    public events: number,
    public data: number,
  ) {}

  /** eventpoll_release_file(): the watched file's last reference is gone. */
  fileReleased(k: Kernel): void {
    this.ep.remove(k, this, 'last reference to the file closed');
  }
}

export class EventPoll implements FileObject {
  readonly kind = 'anon_inode';
  /** rbr: the interest set, keyed by (file, fd) as the kernel's red-black tree is. */
  private readonly tree = new Map<OpenFile, Map<number, EpItem>>();
  size = 0;
  /** rdllist: ready items in the order they became ready (a Set keeps insertion order). */
  rdllist = new Set<EpItem>();
  /** ovflist: items that became ready while ep_send_events was copying to user space. */
  private ovflist: EpItem[] | null = null;
  /** wq: threads in epoll_wait (exclusive waiters: one wakeup wakes one). */
  readonly wq = new WaitQueue('eventpoll wq');
  /** poll_wait: pollers of the epoll file itself (poll, select, or another epoll). */
  readonly pollWait = new WaitQueue('eventpoll poll_wait');

  constructor(
    private readonly k: Kernel,
    readonly inode: number,
    /** The epoll descriptor, for trace events (the first one it got). */
    public fd = -1,
    /** The process that created it: its trace events name this pid, so views can tell instances apart. */
    public pid: number | undefined = undefined,
  ) {}

  describe(): string {
    return 'anon_inode:[eventpoll]';
  }

  find(file: OpenFile, fd: number): EpItem | undefined {
    return this.tree.get(file)?.get(fd);
  }

  /** ep_insert(): add to the tree, hook into the file's wait queues, and queue it if it is ready already. */
  insert(k: Kernel, t: Thread, file: OpenFile, fd: number, events: number, data: number): void {
    const item = new EpItem(this, file, fd, events >>> 0, data);
    let byFd = this.tree.get(file);
    if (!byFd) this.tree.set(file, (byFd = new Map()));
    byFd.set(fd, item);
    this.size++;
    (file.epWatchers ??= new Set()).add(item);
    this.trace(t, 'epoll add', item, {});
    const table: PollTable = { wait: (queue) => this.queueProc(item, queue) }; // ep_ptable_queue_proc
    const revents = vfsPoll(k, file, table) & item.events;
    if (revents && !item.linked) {
      this.link(item, t, 'ready at EPOLL_CTL_ADD');
      this.wakeWaiters();
    }
  }

  /** ep_ptable_queue_proc(): an entry whose function is ep_poll_callback, exclusive for EPOLLEXCLUSIVE. */
  private queueProc(item: EpItem, queue: WaitQueue): void {
    const entry: WaitEntry = { exclusive: (item.events & EPOLLEXCLUSIVE) !== 0, queue: null, func: (_e, mask) => this.callback(item, mask) };
    queue.add(entry);
    item.entries.push(entry);
  }

  /**
   * ep_poll_callback(): runs inside the waker's wake_up(). Returns whether it counts as a
   * wakeup: for an EPOLLEXCLUSIVE item only if a thread was waiting in epoll_wait, so the
   * waker goes on to the next exclusive entry otherwise (that is how EPOLLEXCLUSIVE finds
   * an idle worker and spares the rest).
   */
  private callback(item: EpItem, mask: PollMask): boolean {
    const pollflags = mask === WAKE_ALL_MASK ? 0 : mask; // "no key": every event
    let ewake = false;
    const exclusive = (item.events & EPOLLEXCLUSIVE) !== 0;
    if (item.events & ~EP_PRIVATE_BITS && !(pollflags && !(pollflags & item.events))) {
      if (this.ovflist) {
        if (!item.onOvflist) {
          item.onOvflist = true;
          this.ovflist.push(item);
        }
      } else if (!item.linked) this.link(item, null, 'ep_poll_callback');
      if (this.wq.active) {
        if (exclusive) {
          const inout = pollflags & (POLLIN | POLLOUT);
          if ((inout === POLLIN && item.events & POLLIN) || (inout === POLLOUT && item.events & POLLOUT) || inout === 0) ewake = true;
        }
        this.wq.wake(WAKE_ALL_MASK, 1);
      }
      if (this.pollWait.active) this.pollWait.wake(POLLIN | POLLRDNORM, 1); // ep_poll_safewake()
    }
    if (!exclusive) ewake = true;
    return ewake;
  }

  /** ep_modify(): new events and data; if now ready, queue it and wake a waiter. */
  modify(k: Kernel, t: Thread, item: EpItem, events: number, data: number): void {
    item.events = events >>> 0;
    item.data = data;
    this.trace(t, 'epoll mod', item, {});
    const revents = vfsPoll(k, item.file, null) & item.events;
    if (revents && !item.linked) {
      this.link(item, t, 'ready at EPOLL_CTL_MOD');
      this.wakeWaiters();
    }
  }

  /** ep_remove(): off the file's wait queues, the ready list and the tree. */
  remove(k: Kernel, item: EpItem, why: string, t: Thread | null = null): void {
    void k;
    for (const e of item.entries) e.queue?.remove(e);
    item.entries.length = 0;
    if (item.linked) this.unlink(item, t, 'removed');
    const byFd = this.tree.get(item.file);
    if (byFd?.get(item.fd) === item) {
      byFd.delete(item.fd);
      if (byFd.size === 0) this.tree.delete(item.file);
      this.size--;
    }
    item.file.epWatchers?.delete(item);
    this.trace(t, 'epoll del', item, { why });
  }

  private wakeWaiters(): void {
    if (this.wq.active) this.wq.wake(WAKE_ALL_MASK, 1);
    if (this.pollWait.active) this.pollWait.wake(POLLIN | POLLRDNORM, 1);
  }

  private link(item: EpItem, t: Thread | null, why: string): void {
    item.linked = true;
    this.rdllist.add(item);
    this.trace(t, 'ready +', item, { why });
  }

  private unlink(item: EpItem, t: Thread | null, why: string): void {
    item.linked = false;
    this.rdllist.delete(item);
    this.trace(t, 'ready -', item, { why });
  }

  /**
   * ep_send_events(): move the ready list aside, re-poll each item for its current
   * events, copy those out, and put level-triggered items back at the tail (they are
   * checked again next time). Items not reached (maxevents) go back to the head, so
   * every ready item gets its turn.
   */
  *sendEvents(k: Kernel, t: Thread, out: EpollEvent[], maxevents: number): KGen<number> {
    const txlist = [...this.rdllist];
    this.rdllist = new Set();
    for (const item of txlist) item.linked = false;
    this.ovflist = []; // ep_start_scan()
    let res = 0;
    let i = 0;
    for (; i < txlist.length && res < maxevents; i++) {
      const item = txlist[i]!;
      if (this.find(item.file, item.fd) !== item) continue; // removed while we were copying
      yield { op: 'cpu', ns: k.costs.epollPerEvent, mode: 'kernel' };
      const revents = vfsPoll(k, item.file, null) & item.events;
      if (!revents) {
        this.trace(t, 'ready -', item, { why: 'not ready any more' });
        continue;
      }
      // epoll_put_uevent(): two __put_user()s write { events, data } into the caller's
      // array, 12 bytes on x86-64. A copy like any other: epoll shares no memory with user space.
      out[res++] = { events: revents, data: item.data };
      this.trace(t, 'ready -', item, { why: 'delivered', revents });
      yield* copyToUser(k, 12);
      if (item.events & EPOLLONESHOT) item.events = (item.events & EP_PRIVATE_BITS) >>> 0;
      else if (!(item.events & EPOLLET)) {
        item.linked = true;
        this.rdllist.add(item);
        this.trace(t, 'ready +', item, { why: 'level-triggered: checked again next time' });
      }
    }
    // ep_done_scan(): what came in meanwhile, and what was not reached, go to the head.
    const head: EpItem[] = [];
    for (const item of txlist.slice(i)) {
      if (this.find(item.file, item.fd) !== item) continue;
      item.linked = true;
      head.push(item);
    }
    for (const item of this.ovflist) {
      item.onOvflist = false;
      if (!item.linked && this.find(item.file, item.fd) === item) {
        item.linked = true;
        head.push(item);
        this.trace(t, 'ready +', item, { why: 'ep_poll_callback during the transfer' });
      }
    }
    this.ovflist = null;
    if (head.length) this.rdllist = new Set([...head, ...this.rdllist]);
    if (this.rdllist.size > 0) this.wakeWaiters();
    return res;
  }

  /** ep_eventpoll_poll(): the epoll file is readable if some item on its ready list really is ready. */
  poll(k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.pollWait);
    for (const item of [...this.rdllist]) {
      if (vfsPoll(k, item.file, null) & item.events) return POLLIN | POLLRDNORM;
      this.unlink(item, null, 'not ready any more');
    }
    return 0;
  }

  /** ep_free(): the epoll file's last reference is gone; every item goes with it. */
  release(k: Kernel): void {
    for (const byFd of [...this.tree.values()]) for (const item of [...byFd.values()]) this.remove(k, item, 'epoll file closed');
  }

  /** Is `other` this epoll, or watched (directly or through nested epolls) by it? For loop checks. */
  watches(other: EventPoll, depth = 0): boolean {
    if (other === this) return true;
    if (depth > 4) return true; // EP_MAX_NESTS
    for (const file of this.tree.keys()) if (file.obj instanceof EventPoll && file.obj.watches(other, depth + 1)) return true;
    return false;
  }

  private trace(t: Thread | null, name: string, item: EpItem, detail: Record<string, string | number>): void {
    detail.epfd = this.fd;
    detail.fd = item.fd;
    detail.events = item.events;
    // pid: the instance's owner, even when a callback in softirq or another process's thread changed it.
    this.k.emit({ t: this.k.now, dur: 0, cat: 'io', name, pid: this.pid ?? t?.process.pid, tid: t?.tid, detail });
  }
}
