// close() does not always take a descriptor out of an epoll interest list. epoll
// watches the open file description (the kernel's struct file), and removes it only
// when the last descriptor referring to it is closed. Here a copy made by dup() keeps
// the pipe open: after close(3), epoll_wait still reports "fd 3", a descriptor that
// no longer exists.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds); // 3: read end, 4: write end
  const epfd = await sys.epoll_create1(0);
  await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0]!, { events: EPOLLIN, data: fds[0]! });

  const copy = await sys.dup(fds[0]!); // say a child process inherited it, or a library kept one
  // Try this first, before the close: await sys.epoll_ctl(epfd, EPOLL_CTL_DEL, fds[0]!);
  await sys.close(fds[0]!); // we are done with fd 3... or so we think

  await sys.write(fds[1]!, 'still watched');
  const events: EpollEvent[] = [];
  const n = await sys.epoll_wait(epfd, events, 8, 0); // timeout 0: just look
  for (let i = 0; i < n; i++) {
    const fd = events[i]!.data;
    const r = await sys.read(fd, new Uint8Array(64)); // -1 EBADF: fd 3 is closed
    console.log(`event for fd ${fd}; read(${fd}) = ${r}; the data is still readable through fd ${copy}`);
  }
  // And EPOLL_CTL_DEL with the closed number fails too: the item can no longer be named.
  await sys.epoll_ctl(epfd, EPOLL_CTL_DEL, fds[0]!);
}
