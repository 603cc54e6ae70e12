// The same experiment as wait-select.ts with poll(): an array of { fd, events, revents }
// instead of bitmaps, and no FD_SETSIZE. `watched` descriptors, exactly one ready on
// every call; the kernel still polls every entry of the array on each call.
import { type Sys, type World, type PollFd, POLLIN, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: params.watched + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  const busy = [0, 0];
  await sys.pipe(idle);
  await sys.pipe(busy);
  const pfds: PollFd[] = [];
  for (let i = 0; i < params.watched - 1; i++) pfds.push({ fd: await sys.dup(idle[0]), events: POLLIN, revents: 0 });
  const ready = await sys.dup(busy[0]);
  pfds.push({ fd: ready, events: POLLIN, revents: 0 });

  // Built once: events is what we ask, revents what the kernel answers, so the array
  // can be passed again as it is. But the kernel copies all of it in on every call.
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    await sys.write(busy[1], 'x');
    await sys.poll(pfds, pfds.length, -1);
    if (pfds[pfds.length - 1]!.revents & POLLIN) await sys.read(ready, buf);
  }
}
