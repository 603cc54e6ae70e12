// A program that closes a watched descriptor while a copy of it is still open (here
// made by dup(); in a real server, often a child process that inherited it). Change it
// so that epoll stops reporting descriptor 3 once it is closed; keep the close() and
// the copy. A solution: EPOLL_CTL_DEL before close().
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);
  const epfd = await sys.epoll_create1(0);
  await sys.epoll_ctl(epfd, EPOLL_CTL_ADD, fds[0]!, { events: EPOLLIN, data: fds[0]! });
  const copy = await sys.dup(fds[0]!);

  await sys.epoll_ctl(epfd, EPOLL_CTL_DEL, fds[0]!); // while descriptor 3 can still name the item
  await sys.close(fds[0]!);
  await sys.write(fds[1]!, 'after the close');

  const events: EpollEvent[] = [];
  const n = await sys.epoll_wait(epfd, events, 8, 0);
  console.log(`${n} event(s) after the close; the copy is descriptor ${copy}`);
}
