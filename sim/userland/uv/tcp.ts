// TCP handles (src/unix/tcp.c, stream.c): non-blocking sockets watched with epoll by
// the loop. Reads happen in the poll phase, when epoll says the socket is readable;
// writes are tried at once, and their callbacks run later, from the pending queue.

import { UvHandle } from './handles.js';
import type { UvLoop } from './loop.js';
import { AF_INET, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM } from '../../kernel/flags.js';
import { EPOLLIN, EPOLLOUT } from '../../io/flags.js';
import { EAGAIN } from '../../kernel/errno.js';
import { SOL_SOCKET, SO_REUSEADDR } from '../../fs/socket-flags.js';

/** UV_EOF: the peer closed its side. */
export const UV_EOF = -4095;

export class UvTcp extends UvHandle {
  fd = -1;
  private accepted: number[] = [];
  private readCb: ((nread: number, data: Uint8Array) => unknown) | null = null;
  private connectionCb: ((status: number) => unknown) | null = null;
  private readonly writes: { data: Uint8Array; cb?: (status: number) => unknown }[] = [];
  private readonly buf = new Uint8Array(65536);

  constructor(loop: UvLoop) {
    super(loop);
  }

  private get sys() {
    return this.loop.sys;
  }

  /** uv_tcp_bind(). */
  async bind(addr: string, port: number): Promise<number> {
    this.fd = await this.sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC);
    await this.sys.setsockopt(this.fd, SOL_SOCKET, SO_REUSEADDR, 1);
    return this.sys.bind(this.fd, { addr, port });
  }

  /** uv_listen(): call `cb` for each new connection; it should uv_accept() it. */
  async listen(backlog: number, cb: (status: number) => unknown): Promise<number> {
    const r = await this.sys.listen(this.fd, backlog);
    if (r < 0) return r;
    this.connectionCb = cb;
    this.active = true;
    await this.loop.watch({ fd: this.fd, events: EPOLLIN, registered: 0, cb: () => this.serverIo() });
    return 0;
  }

  /** uv__server_io(): accept what is queued, one connection callback each. */
  private async serverIo(): Promise<void> {
    for (;;) {
      const c = await this.sys.accept4(this.fd, null, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (c < 0) return;
      this.accepted.push(c);
      await this.loop.runCallback(() => this.connectionCb!(0));
    }
  }

  /** uv_accept(): the connection just announced goes to `client`. */
  accept(client: UvTcp): number {
    const fd = this.accepted.shift();
    if (fd === undefined) return -EAGAIN;
    client.fd = fd;
    return 0;
  }

  /** uv_read_start(): `cb(nread, data)` for each read; nread is UV_EOF at the end. */
  async read_start(cb: (nread: number, data: Uint8Array) => unknown): Promise<void> {
    this.readCb = cb;
    this.active = true;
    await this.updateWatch();
  }

  /** uv_read_stop(). */
  async read_stop(): Promise<void> {
    this.readCb = null;
    await this.updateWatch();
  }

  private async updateWatch(): Promise<void> {
    const events = (this.readCb ? EPOLLIN : 0) | (this.writes.length ? EPOLLOUT : 0);
    const w = this.loop.watchers.get(this.fd);
    if (w) {
      w.events = events;
      await this.loop.watch(w);
    } else if (events) await this.loop.watch({ fd: this.fd, events, registered: 0, cb: (ev) => this.io(ev) });
  }

  /** uv__stream_io(). */
  private async io(events: number): Promise<void> {
    if (events & EPOLLIN && this.readCb) await this.read();
    if (events & EPOLLOUT && this.writes.length) await this.flush();
  }

  /** uv__read(): read until EAGAIN (32 reads at most), handing each chunk to the callback. */
  private async read(): Promise<void> {
    for (let i = 0; i < 32 && this.readCb; i++) {
      const n = await this.sys.read(this.fd, this.buf);
      if (n < 0) return;
      const cb = this.readCb;
      if (n === 0) {
        await this.read_stop();
        await this.loop.runCallback(() => cb(UV_EOF, this.buf.subarray(0, 0)));
        return;
      }
      const data = this.buf.slice(0, n);
      await this.loop.runCallback(() => cb(n, data));
    }
  }

  /** uv_write(): write now what the socket takes; the callback runs from the pending queue once all is sent. */
  async write(data: Uint8Array | string, cb?: (status: number) => unknown): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.loop.activeReqs++;
    this.writes.push({ data: bytes, cb });
    if (this.writes.length === 1) await this.flush();
  }

  /** uv__write(): send queued data until EAGAIN; finished requests' callbacks go to the pending queue. */
  private async flush(): Promise<void> {
    while (this.writes.length > 0) {
      const w = this.writes[0]!;
      const n = await this.sys.write(this.fd, w.data);
      if (n < 0) break; // EAGAIN: wait for EPOLLOUT
      if (n < w.data.length) {
        w.data = w.data.subarray(n);
        continue;
      }
      this.writes.shift();
      this.loop.activeReqs--;
      if (w.cb) {
        const cb = w.cb;
        this.loop.pending.push(() => cb(0)); // uv__write_req_finish → uv__io_feed
      }
    }
    await this.updateWatch();
  }

  /** uv_close(): stop watching and close the socket now; the callback runs in the close phase. */
  override close(cb?: () => unknown): void {
    const fd = this.fd;
    this.fd = -1;
    this.readCb = null;
    super.close(cb);
    this.loop.closingWork.push(async () => {
      if (fd >= 0) {
        await this.loop.unwatch(fd);
        await this.sys.close(fd);
      }
    });
  }
}
