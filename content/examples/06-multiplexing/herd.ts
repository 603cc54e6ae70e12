// The thundering herd. Four worker threads share one listening socket, and each waits
// in its own epoll instance, as worker processes of a web server do. One client
// connects: the listener's wait queue wakes every epoll that watches it, all four
// workers run, one accept() succeeds, and three get EAGAIN for nothing.
// EPOLLEXCLUSIVE (Linux 4.5) makes the listener wake one waiting epoll instead.
import { type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLLEXCLUSIVE, EPOLL_CTL_ADD, us, ms } from 'inside-io';

export const params = { exclusive: false }; // try true
export const world: World = {
  cpus: 4,
  until: ms(2),
  clients: [{ count: 1, port: 8080, start: us(200) }], // one connection, 200 µs in
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);

  const events = EPOLLIN | (params.exclusive ? EPOLLEXCLUSIVE : 0);
  const workers: number[] = [];
  for (let i = 1; i <= 4; i++) {
    workers.push(await sys.pthread_create(async (w: Sys) => {
      const epfd = await w.epoll_create1(0); // each worker has its own epoll instance
      await w.epoll_ctl(epfd, EPOLL_CTL_ADD, listener, { events, data: listener });
      const out: EpollEvent[] = [];
      if ((await w.epoll_wait(epfd, out, 8, 1)) === 0) return; // nothing for 1 ms: stop
      const conn = await w.accept4(listener, null, SOCK_NONBLOCK); // -1 EAGAIN if another won
      if (conn >= 0) console.log(`worker ${i} got the connection`);
    }, `worker ${i}`));
  }
  for (const tid of workers) await sys.pthread_join(tid);
}
