// The Reactor pattern (D. C. Schmidt, "Reactor: An Object Behavioral Pattern for
// Concurrent Event Demultiplexing and Event Handler Dispatching", PLoPD 1, 1995), on
// epoll: handlers register for events on handles (descriptors); handle_events() waits
// in the synchronous event demultiplexer (epoll_wait) and dispatches each ready handle
// to its handler, which then does the I/O itself, without blocking. One thread runs
// it all, so a handler that blocks or computes for long stalls every other handle.

import type { Sys } from '../sys.js';
import type { EpollEvent } from '../io/epoll.js';
import { EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD } from '../io/flags.js';

/** An event handler: called with the handle and the events that are ready (EPOLLIN...). */
export type EventHandler = (fd: number, events: number) => unknown;

export class Reactor {
  private epfd = -1;
  private readonly handlers = new Map<number, EventHandler>();
  private stopped = false;
  /** Events dispatched so far. */
  dispatched = 0;

  constructor(private readonly sys: Sys) {}

  /** register_handler(): call `handler` when `fd` has any of `events`. */
  async register_handler(fd: number, events: number, handler: EventHandler): Promise<number> {
    if (this.epfd < 0) this.epfd = await this.sys.epoll_create1();
    const op = this.handlers.has(fd) ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    this.handlers.set(fd, handler);
    return this.sys.epoll_ctl(this.epfd, op, fd, { events, data: fd });
  }

  /** remove_handler(). */
  async remove_handler(fd: number): Promise<number> {
    if (!this.handlers.delete(fd)) return -1;
    return this.sys.epoll_ctl(this.epfd, EPOLL_CTL_DEL, fd, null);
  }

  /** handle_events(): one round of demultiplexing and dispatching; returns the number dispatched. */
  async handle_events(timeout = -1): Promise<number> {
    const events: EpollEvent[] = [];
    const n = await this.sys.epoll_wait(this.epfd, events, 64, timeout);
    for (let i = 0; i < n; i++) {
      const { data: fd, events: ev } = events[i]!;
      const h = this.handlers.get(fd);
      if (!h) continue;
      this.dispatched++;
      await h(fd, ev);
    }
    return Math.max(0, n);
  }

  /** The event loop: handle events until stop() or no handler is left. */
  async run(): Promise<void> {
    this.stopped = false;
    while (!this.stopped && this.handlers.size > 0) await this.handle_events();
  }

  stop(): void {
    this.stopped = true;
  }
}
