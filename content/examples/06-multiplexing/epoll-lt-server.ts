// The same server with epoll, level-triggered (the default). epoll_ctl() registers
// each descriptor once: the kernel puts a callback on its wait queue that moves it to
// the epoll's ready list whenever it changes. epoll_wait() looks only at the ready
// list, so its cost does not grow with the 100 connections, only with the ready ones.
// Level-triggered: a descriptor that is still readable is reported again next time.
// @expect-stop time
import { type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, EPOLLIN, EPOLL_CTL_ADD, ms, us } from 'inside-io';

export const world: World = {
  until: ms(30),
  clients: [{ count: 100, port: 8080, every: us(100), active: 0.1, requests: Infinity, requestSize: 100, think: ms(1) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  const ep = await sys.epoll_create1(0);
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });
  const events: EpollEvent[] = [];
  const buf = new Uint8Array(4096);

  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) {
      const fd = events[i]!.data; // what we stored with epoll_ctl
      if (fd === listener) {
        const conn = await sys.accept(listener);
        await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN, data: conn });
        continue;
      }
      const m = await sys.read(fd, buf);
      if (m > 0) await sys.write(fd, buf, m);
      else await sys.close(fd); // closing the last descriptor also removes it from the epoll
    }
  }
}
