// Exercise: keep the loop free. The Reactor below serves ten clients; one request, the
// third from client 0, needs 50 ms of computation, and while its handler computes,
// every other client waits. Keep the 50 ms of work (it is the job), but make sure no
// other client waits for it.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms, us, text,
} from 'inside-io';

export const world: World = {
  until: ms(60),
  clients: [{ count: 10, port: 8080, start: us(100), every: us(100), requests: Infinity, think: ms(1) }],
};

export async function main(sys: Sys) {
  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, () => Promise<void>>();
  const buf = new Uint8Array(4096);

  async function onRequest(conn: number) {
    const n = await sys.read(conn, buf);
    if (n <= 0) {
      handlers.delete(conn);
      await sys.epoll_ctl(ep, EPOLL_CTL_DEL, conn, null);
      await sys.close(conn);
      return;
    }
    if (text(buf, n).startsWith('request 3 from client 0\n')) await sys.compute(ms(50)); // the slow job
    else await sys.compute(us(20));
    await sys.write(conn, buf, n);
  }

  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  handlers.set(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn < 0) return;
    handlers.set(conn, () => onRequest(conn));
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN, data: conn });
  });
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });

  const events: EpollEvent[] = [];
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) await handlers.get(events[i]!.data)?.();
  }
}
