// Two worker threads wait on one epoll instance, as in a thread pool. A message
// arrives, worker A is woken and spends 100 µs handling it; meanwhile a second message
// arrives on the same pipe. Edge-triggered alone, that new arrival wakes worker B, and
// both threads now work on the same descriptor at once. With EPOLLONESHOT, the item is
// disabled after its first event: B keeps sleeping, and A re-arms the item with
// EPOLL_CTL_MOD when it is done, which reports the second message to whoever waits.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLLET, EPOLLONESHOT, EPOLL_CTL_ADD, EPOLL_CTL_MOD, EAGAIN, O_NONBLOCK, us, ms } from 'inside-io';

export const world: World = { cpus: 3, until: ms(3) };

const EVENTS = EPOLLIN | EPOLLET | EPOLLONESHOT; // try without EPOLLONESHOT

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe2(fds, O_NONBLOCK);
  const epfd = await sys.epoll_create1(0);
  await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0]!, { events: EVENTS, data: fds[0]! });

  const worker = async (w: Sys, name: string) => {
    const events: EpollEvent[] = [];
    const buf = new Uint8Array(64);
    for (;;) {
      const n = await w.epoll_wait(epfd, events, 1, 1); // 1 ms: then give up
      if (n === 0) return;
      let got = 0;
      while ((got = await w.read(fds[0]!, buf)) > 0) {
        console.log(`${name} handles ${got} bytes`);
        await w.compute(us(100)); // handling takes a while
      }
      if (got < 0 && w.errno !== EAGAIN) return;
      // Drained. With EPOLLONESHOT the item stays disabled until it is re-armed:
      if (EVENTS & EPOLLONESHOT) await w.epoll_ctl(epfd, EPOLL_CTL_MOD, fds[0]!, { events: EVENTS, data: fds[0]! });
    }
  };
  const a = await sys.pthread_create((w: Sys) => worker(w, 'A'), 'A');
  const b = await sys.pthread_create((w: Sys) => worker(w, 'B'), 'B');

  await sys.nanosleep(us(20)); // both workers are asleep in epoll_wait by now
  await sys.write(fds[1]!, 'first message');
  await sys.nanosleep(us(50));
  await sys.write(fds[1]!, 'second message'); // arrives while A is busy with the first
  await sys.pthread_join(a);
  await sys.pthread_join(b);
}
