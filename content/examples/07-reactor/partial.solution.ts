// A solution: each connection keeps what write() did not take, watches EPOLLOUT while
// something waits (and stops reading meanwhile), and goes back to EPOLLIN once it is all out.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK,
  EPOLLIN, EPOLLOUT, EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL, ms,
} from 'inside-io';

export const world: World = {
  until: ms(3),
  // Two clients, each sending two 100,000-byte requests and waiting for each echo.
  clients: [{ count: 2, port: 8080, requests: 2, requestSize: 100_000 }],
};

type Handler = (events: number) => Promise<void>;

export async function main(sys: Sys) {
  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, Handler>();
  const watch = (fd: number, events: number, op = EPOLL_CTL_MOD) => sys.epoll_ctl(ep, op, fd, { events, data: fd });

  // One connection: read a chunk, echo it; what the send buffer refuses waits in `pending`.
  async function connection(conn: number) {
    const buf = new Uint8Array(65536);
    let pending: Uint8Array | null = null;

    async function flush(): Promise<boolean> { // true when everything has been written
      while (pending) {
        const w = await sys.write(conn, pending);
        if (w < 0) return false; // EAGAIN: the send buffer is full again
        pending = w < pending.length ? pending.subarray(w) : null; // a partial write keeps the rest
      }
      return true;
    }

    handlers.set(conn, async (events) => {
      if (events & EPOLLOUT) { // there is room again: write more
        if (await flush()) await watch(conn, EPOLLIN); // all written: back to reading
        return;
      }
      const n = await sys.read(conn, buf);
      if (n === 0) {
        handlers.delete(conn);
        await watch(conn, 0, EPOLL_CTL_DEL);
        await sys.close(conn);
        return;
      }
      if (n < 0) return;
      pending = buf.slice(0, n);
      if (!(await flush())) await watch(conn, EPOLLOUT); // stop reading until this is out
    });
    await watch(conn, EPOLLIN, EPOLL_CTL_ADD);
  }

  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  handlers.set(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn >= 0) await connection(conn);
  });
  await watch(listener, EPOLLIN, EPOLL_CTL_ADD);

  const events: EpollEvent[] = [];
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) await handlers.get(events[i]!.data)?.(events[i]!.events);
  }
}
