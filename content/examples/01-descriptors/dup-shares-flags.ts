// dup() makes a second descriptor for the SAME open file description. Status
// flags such as O_NONBLOCK live in the description, so both descriptors see a
// change made through either; the close-on-exec flag lives in the descriptor.
import { type Sys, type World, F_GETFL, F_SETFL, F_GETFD, F_SETFD, FD_CLOEXEC, O_NONBLOCK, EAGAIN, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const p = [0, 0];
  await sys.pipe(p); // 3 = read end, 4 = write end
  const copy = await sys.dup(p[0]); // 5: another name for the read end

  // Make descriptor 3 non-blocking: F_GETFL reads the status flags, F_SETFL writes them.
  const flags = await sys.fcntl(p[0], F_GETFL);
  await sys.fcntl(p[0], F_SETFL, flags | O_NONBLOCK);

  // Read the empty pipe through the OTHER descriptor. Nobody will ever write,
  // so a blocking read would sleep forever; this one returns at once.
  const buf = new Uint8Array(16);
  const n = await sys.read(copy, buf);
  const why = n === -1 && sys.errno === EAGAIN ? 'EAGAIN' : `errno ${sys.errno}`;
  await sys.write(1, `read(${copy}) returned ${n} (${why}): the flag set on ${p[0]} applies to ${copy}\n`);

  // Close-on-exec is a descriptor flag: setting it on 3 leaves 5 alone.
  await sys.fcntl(p[0], F_SETFD, FD_CLOEXEC);
  const on3 = await sys.fcntl(p[0], F_GETFD);
  const on5 = await sys.fcntl(copy, F_GETFD);
  await sys.write(1, `FD_CLOEXEC: ${p[0]} has ${on3}, ${copy} has ${on5}\n`);
}
