// Busy polling: the same pipe, but the read end is non-blocking. Instead of
// sleeping, read() returns -1 with errno EAGAIN at once, and the program asks
// again... and again, burning a CPU until the data arrives.
import { type Sys, type World, F_GETFL, F_SETFL, O_NONBLOCK, EAGAIN, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(1) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);

  // Turn on O_NONBLOCK for the read end (a status flag of the open file).
  const flags = await sys.fcntl(fds[0], F_GETFL);
  await sys.fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);

  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(20));
    await writer.write(fds[1], 'finally!\n');
  }, 'writer');

  const buf = new Uint8Array(64);
  let tries = 0;
  for (;;) {
    tries++;
    const n = await sys.read(fds[0], buf);
    if (n >= 0) {
      await sys.write(1, `after ${tries} tries: ${text(buf, n)}`);
      break;
    }
    if (sys.errno !== EAGAIN) throw new Error(`read failed: errno ${sys.errno}`);
    // EAGAIN: nothing yet. Not an error: just "try again later".
  }
}
