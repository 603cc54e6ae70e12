// Exercise: send every byte. Two clients each send two 100,000-byte requests and wait
// for the echoes. This Reactor writes each chunk once and moves on; but a non-blocking
// write() takes only what fits in the send buffer, so most of every echo is lost and the
// clients wait for ever. Make every echo arrive whole, without making the loop wait or spin.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms,
} from 'inside-io';

export const world: World = {
  until: ms(3),
  clients: [{ count: 2, port: 8080, requests: 2, requestSize: 100_000 }],
};

export async function main(sys: Sys) {
  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, (events: number) => Promise<void>>();
  const buf = new Uint8Array(65536);

  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  handlers.set(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn < 0) return;
    handlers.set(conn, async () => {
      const n = await sys.read(conn, buf);
      if (n === 0) {
        handlers.delete(conn);
        await sys.epoll_ctl(ep, EPOLL_CTL_DEL, conn, null);
        await sys.close(conn);
        return;
      }
      if (n > 0) await sys.write(conn, buf, n); // returns how much it took... and nobody looks
    });
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN, data: conn });
  });
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });

  const events: EpollEvent[] = [];
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) await handlers.get(events[i]!.data)?.(events[i]!.events);
  }
}
