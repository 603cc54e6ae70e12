// The cost of select() grows with the number of descriptors it watches. The program
// watches `watched` descriptors: all but one are copies (dup) of a pipe nobody writes
// to, the last one is a pipe that always holds data. So every select() finds exactly
// one ready descriptor, as in the experiment of The Linux Programming Interface
// (section 63.4.5): what changes with `watched` is only the work done per call.
import { type Sys, type World, FdSet, FD_SET, FD_ISSET, FD_SETSIZE, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: params.watched + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  const busy = [0, 0];
  await sys.pipe(idle);
  await sys.pipe(busy);
  const fds: number[] = [];
  for (let i = 0; i < params.watched - 1; i++) fds.push(await sys.dup(idle[0]));
  const ready = await sys.dup(busy[0]); // the highest descriptor: select finds it last
  fds.push(ready);

  // glibc's fd_set has room for descriptors 0..1023 (FD_SETSIZE). The kernel itself
  // accepts bigger bitmaps, as C programs that allocate their own do; FdSet(n) is one.
  const size = Math.max(FD_SETSIZE, ready + 1);
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    await sys.write(busy[1], 'x'); // something to read: this round's message
    const readfds = new FdSet(size); // the set must be rebuilt for every call...
    for (const fd of fds) FD_SET(fd, readfds);
    await sys.select(ready + 1, readfds, null, null, null); // ...because select overwrites it
    if (FD_ISSET(ready, readfds)) await sys.read(ready, buf);
  }
}
