// select(2) on three pipes. The program marks the descriptors it wants in an fd_set
// (a bitmap, one bit per descriptor number), and select() blocks until at least one
// of them is readable. It hands the set back with only the ready descriptors left in
// it, so the set must be filled in again before every call.
import { type Sys, type World, FdSet, FD_ZERO, FD_SET, FD_ISSET, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(1) };

export async function main(sys: Sys) {
  const pipes: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const fds = [0, 0];
    await sys.pipe(fds); // fds[0] is the read end, fds[1] the write end
    pipes.push(fds);
  }
  const readEnds = pipes.map((p) => p[0]!); // 3, 5, 7

  // Another thread writes to the second pipe after 100 µs, to the third after 200 µs.
  await sys.pthread_create(async (peer: Sys) => {
    await peer.nanosleep(us(100));
    await peer.write(pipes[1]![1]!, 'hello on the second pipe');
    await peer.nanosleep(us(100));
    await peer.write(pipes[2]![1]!, 'hello on the third pipe');
  }, 'peer');

  const readfds = new FdSet(); // room for descriptors 0..1023 (FD_SETSIZE)
  const buf = new Uint8Array(64);
  for (let round = 1; round <= 2; round++) {
    FD_ZERO(readfds); // refill the set: the last select() left only the ready bits
    for (const fd of readEnds) FD_SET(fd, readfds);
    const nfds = Math.max(...readEnds) + 1; // the kernel looks at descriptors 0..nfds-1
    const ready = await sys.select(nfds, readfds, null, null, null); // null: no timeout
    for (const fd of readEnds) {
      if (!FD_ISSET(fd, readfds)) continue; // not ready: reading could block
      const n = await sys.read(fd, buf);
      console.log(`round ${round}: ${ready} ready; fd ${fd}: ${text(buf, n)}`);
    }
  }
}
