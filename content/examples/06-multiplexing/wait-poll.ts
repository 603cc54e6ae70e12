// The same experiment as wait-select.ts with poll(): an array of { fd, events, revents }
// instead of bitmaps, and no FD_SETSIZE. `watched` descriptors, `active` of them ready
// on every call; the kernel still polls every entry of the array on each call.
import { type Sys, type World, type PollFd, POLLIN, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100, active: 1 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  const { watched, active } = params;
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: watched + active + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  await sys.pipe(idle);
  const pfds: PollFd[] = [];
  for (let i = 0; i < watched - active; i++) pfds.push({ fd: await sys.dup(idle[0]!), events: POLLIN, revents: 0 });
  const writers: number[] = [];
  for (let i = 0; i < active; i++) {
    const p = [0, 0];
    await sys.pipe(p);
    pfds.push({ fd: p[0]!, events: POLLIN, revents: 0 });
    writers.push(p[1]!);
  }

  // Built once: events is what we ask, revents what the kernel answers, so the array
  // can be passed again as it is. But the kernel copies all of it in on every call.
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of writers) await sys.write(w, 'x');
    await sys.poll(pfds, pfds.length, -1);
    for (const p of pfds) if (p.revents & POLLIN) await sys.read(p.fd, buf);
  }
}
