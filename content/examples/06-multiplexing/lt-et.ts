// Level-triggered against edge-triggered epoll. A 100-byte message arrives on a pipe;
// after each epoll_wait() the program reads only 10 bytes of it. Level-triggered (the
// default), epoll_wait reports the pipe for as long as data is left in it. Add
// EPOLLET and it reports only the arrival, once: the 90 bytes left behind are never
// announced again.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLLET, EPOLL_CTL_ADD, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

const EVENTS = EPOLLIN; // try EPOLLIN | EPOLLET

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);
  const epfd = await sys.epoll_create1(0);
  await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0]!, { events: EVENTS, data: fds[0]! });

  await sys.write(fds[1]!, new Uint8Array(100).fill(46)); // the message: 100 bytes

  const events: EpollEvent[] = [];
  const buf = new Uint8Array(10); // a small buffer: each read takes at most 10 bytes
  let total = 0;
  let wakeups = 0;
  for (;;) {
    const n = await sys.epoll_wait(epfd, events, 8, 1); // wait at most 1 ms
    if (n === 0) break; // timed out: nothing more was reported
    wakeups++;
    total += await sys.read(fds[0]!, buf);
  }
  console.log(`${wakeups} wakeups, ${total} of 100 bytes read`);
}
