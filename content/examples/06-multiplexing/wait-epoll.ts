// The same experiment with epoll. The descriptors are registered once, with
// epoll_ctl(); after that each epoll_wait() looks only at the ready list, which holds
// the `active` ready items however many descriptors are watched.
import { type Sys, type World, type EpollEvent, EPOLLIN, EPOLL_CTL_ADD, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100, active: 1 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  const { watched, active } = params;
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: watched + active + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  await sys.pipe(idle);
  const ep = await sys.epoll_create1(0);
  const watch = (fd: number) => sys.epoll_ctl(ep, EPOLL_CTL_ADD, fd, { events: EPOLLIN, data: fd }); // once per descriptor
  for (let i = 0; i < watched - active; i++) await watch(await sys.dup(idle[0]!));
  const writers: number[] = [];
  for (let i = 0; i < active; i++) {
    const p = [0, 0];
    await sys.pipe(p);
    await watch(p[0]!);
    writers.push(p[1]!);
  }

  const events: EpollEvent[] = [];
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of writers) await sys.write(w, 'x');
    const n = await sys.epoll_wait(ep, events, watched, -1);
    for (let i = 0; i < n; i++) await sys.read(events[i]!.data, buf);
  }
}
