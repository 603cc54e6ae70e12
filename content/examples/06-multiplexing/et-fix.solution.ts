// A solution: the pipe is non-blocking, and each event is read until EAGAIN.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLLET, EPOLL_CTL_ADD, EAGAIN, O_NONBLOCK, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe2(fds, O_NONBLOCK); // so that the read that finds the pipe empty returns EAGAIN
  const epfd = await sys.epoll_create1(0);
  await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0]!, { events: EPOLLIN | EPOLLET, data: fds[0]! });

  await sys.pthread_create(async (peer: Sys) => {
    for (let i = 0; i < 2; i++) {
      await peer.nanosleep(us(200));
      await peer.write(fds[1]!, new Uint8Array(100).fill(46));
    }
  }, 'peer');

  const events: EpollEvent[] = [];
  const buf = new Uint8Array(32);
  let total = 0;
  while (total < 200) {
    const n = await sys.epoll_wait(epfd, events, 8, 1);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      for (;;) {
        const got = await sys.read(events[i]!.data, buf);
        if (got > 0) total += got;
        else if (got < 0 && sys.errno === EAGAIN) break; // drained: now wait for the next edge
        else break;
      }
    }
  }
  console.log(`read ${total} of 200 bytes`);
}
