// The cost of select() grows with the number of descriptors it watches. The program
// watches `watched` descriptors: `active` of them are pipes that get one byte before
// every call, the others are copies (dup) of a pipe nobody writes to. So every select()
// finds exactly `active` ready descriptors, as in the experiment of The Linux
// Programming Interface (section 63.4.5), where one was ready each time.
import { type Sys, type World, FdSet, FD_SET, FD_ISSET, FD_SETSIZE, RLIMIT_NOFILE, sec } from 'inside-io';

export const params = { watched: 100, active: 1 };
export const world: World = { cpus: 1, until: sec(5), maxEvents: 1_000_000 };

const ROUNDS = 20;

export async function main(sys: Sys) {
  const { watched, active } = params;
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: watched + active + 64, rlim_max: 524_288 });
  const idle = [0, 0];
  await sys.pipe(idle);
  const fds: number[] = [];
  for (let i = 0; i < watched - active; i++) fds.push(await sys.dup(idle[0]!));
  const writers: number[] = [];
  for (let i = 0; i < active; i++) {
    const p = [0, 0];
    await sys.pipe(p); // the active ones get the highest numbers: select finds them last
    fds.push(p[0]!);
    writers.push(p[1]!);
  }
  const maxfd = Math.max(...fds);

  // glibc's fd_set has room for descriptors 0..1023 (FD_SETSIZE). The kernel itself
  // accepts bigger bitmaps, as C programs that allocate their own do; FdSet(n) is one.
  const size = Math.max(FD_SETSIZE, maxfd + 1);
  const buf = new Uint8Array(1);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of writers) await sys.write(w, 'x'); // a message on each active pipe
    const readfds = new FdSet(size); // the set must be rebuilt for every call...
    for (const fd of fds) FD_SET(fd, readfds);
    await sys.select(maxfd + 1, readfds, null, null, null); // ...because select overwrites it
    for (const fd of fds) if (FD_ISSET(fd, readfds)) await sys.read(fd, buf);
  }
}
