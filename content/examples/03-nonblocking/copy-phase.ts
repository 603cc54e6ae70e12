// Non-blocking does not mean "free". When data is there, read() copies it from the
// kernel's buffer into yours, and that copy runs inside the call, on your thread,
// on your CPU time. Here a pipe is enlarged to 1 MiB and filled; then a non-blocking
// read takes 64 bytes, another takes everything else, and a last one finds it empty.
import { type Sys, type World, O_NONBLOCK, F_SETPIPE_SZ, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(5) };

const MiB = 1024 * 1024;

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe2(fds, O_NONBLOCK); // both ends non-blocking from the start
  await sys.fcntl(fds[1], F_SETPIPE_SZ, MiB); // room for 1 MiB instead of 64 KiB
  await sys.write(fds[1], 'x'.repeat(MiB)); // writing copies too: user → kernel

  const buf = new Uint8Array(MiB);
  await sys.read(fds[0], buf, 64); // 64 bytes: a quick call
  await sys.read(fds[0], buf); // the other 1,048,512 bytes: a long one
  await sys.read(fds[0], buf); // empty: -1 EAGAIN, quick again
}
