// A Reactor on epoll, as small as it gets. Schmidt's pattern has four parts:
//   handles        the descriptors: a listening socket, then one socket per connection;
//   demultiplexer  epoll_wait(): sleeps until some handles are ready, says which;
//   dispatcher     the loop below: for each ready handle, calls the handler registered for it;
//   handlers       plain functions that do the I/O themselves, on this one thread.
// The program never blocks anywhere but in epoll_wait(): every socket is non-blocking.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms, us,
} from 'inside-io';

export const world: World = {
  until: ms(5),
  // Three remote clients, 50 µs away: each connects, sends three 64-byte requests
  // 500 µs apart (waiting for each echo), then closes.
  clients: [{ count: 3, port: 8080, every: us(10), requests: 3, think: us(500) }],
};

type Handler = (events: number) => Promise<void>;

export async function main(sys: Sys) {
  // ---- The Reactor: an epoll instance and a table from handle to handler. ----
  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, Handler>();

  async function register(fd: number, handler: Handler) {
    handlers.set(fd, handler);
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, fd, { events: EPOLLIN, data: fd });
  }
  async function unregister(fd: number) {
    handlers.delete(fd);
    await sys.epoll_ctl(ep, EPOLL_CTL_DEL, fd, null); // explicitly, as libuv does
    await sys.close(fd);
  }

  // ---- The application: two handlers. ----
  const buf = new Uint8Array(4096);
  async function onReadable(conn: number) {
    const n = await sys.read(conn, buf); // will not block: epoll said there is something
    if (n > 0) {
      await sys.compute(us(20)); // the application's work on the request: 20 µs of CPU
      await sys.write(conn, buf, n); // the answer: an echo (small, it fits the send buffer)
    }
    else if (n === 0) await unregister(conn); // the client closed
  }

  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  await register(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn >= 0) await register(conn, () => onReadable(conn));
  });

  // ---- The event loop: demultiplex, then dispatch, forever. ----
  const events: EpollEvent[] = [];
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) {
      const ev = events[i]!;
      await handlers.get(ev.data)?.(ev.events); // data: what register() stored, the descriptor
    }
  }
}
