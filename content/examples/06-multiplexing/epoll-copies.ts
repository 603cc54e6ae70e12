// What epoll_wait() copies to user space: one small struct epoll_event per ready
// descriptor, { events, data }, and nothing else. No memory is shared with the kernel;
// the data itself is copied later, by read(), on this thread's time.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLL_CTL_ADD, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(1) };

export async function main(sys: Sys) {
  const pipes: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const fds = [0, 0];
    await sys.pipe(fds);
    pipes.push(fds);
  }

  // An epoll instance is itself a file: epoll_create1() returns a descriptor.
  const epfd = await sys.epoll_create1(0);
  for (const [readEnd] of pipes) {
    // data: any 64-bit value we choose; epoll_wait gives it back untouched.
    await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, readEnd!, { events: EPOLLIN, data: readEnd! });
  }

  // 100 µs from now, 1,000 bytes arrive on the second pipe.
  await sys.pthread_create(async (peer: Sys) => {
    await peer.nanosleep(us(100));
    await peer.write(pipes[1]![1]!, new Uint8Array(1000).fill(65));
  }, 'peer');

  const events: EpollEvent[] = []; // our buffer: epoll_wait writes into it
  const n = await sys.epoll_wait(epfd, events, 16, -1); // sleeps until the ready list is non-empty
  const buf = new Uint8Array(4096);
  for (let i = 0; i < n; i++) {
    const got = await sys.read(events[i]!.data, buf); // now the 1,000 bytes are copied
    console.log(`fd ${events[i]!.data}: events=${events[i]!.events}, read ${got} bytes`);
  }
}
