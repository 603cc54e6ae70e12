// The same experiment with epoll. The descriptors are registered once, with
// epoll_ctl(); after that each epoll_wait() looks only at the ready list, which holds
// one item however many descriptors are watched.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLL_CTL_ADD, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: params.watched + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  const busy = [0, 0];
  await sys.pipe(idle);
  await sys.pipe(busy);
  const ep = await sys.epoll_create1(0);
  for (let i = 0; i < params.watched - 1; i++) {
    const fd = await sys.dup(idle[0]);
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, fd, { events: EPOLLIN, data: fd }); // once per descriptor
  }
  const ready = await sys.dup(busy[0]);
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, ready, { events: EPOLLIN, data: ready });

  const events: EpollEvent[] = [];
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    await sys.write(busy[1], 'x');
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) await sys.read(events[i]!.data, buf);
  }
}
