// Four workers, each with its own epoll instance, wait for connections on one shared
// listening socket. Three clients connect, one every 300 µs; each worker serves
// connections until it has waited 1 ms for nothing.
import { type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, us, ms } from 'inside-io';

export const world: World = {
  cpus: 4,
  until: ms(3),
  clients: [{ count: 3, port: 8080, start: us(200), every: us(300) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);

  const workers: number[] = [];
  for (let i = 1; i <= 4; i++) {
    workers.push(await sys.pthread_create(async (w: Sys) => {
      const epfd = await w.epoll_create1(0);
      await w.epoll_ctl(epfd, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });
      const out: EpollEvent[] = [];
      while ((await w.epoll_wait(epfd, out, 8, 1)) > 0) {
        const conn = await w.accept4(listener, null, SOCK_NONBLOCK);
        if (conn >= 0) await w.close(conn); // served (here: just closed)
      }
    }, `worker ${i}`));
  }
  for (const tid of workers) await sys.pthread_join(tid);
}
