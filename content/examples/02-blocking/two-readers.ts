// Two threads read from the same empty pipe; a writer writes once. Both readers
// sleep on the pipe's wait queue: how many does one write() wake?
import { type Sys, type World, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(1) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);

  const reader = async (r: Sys) => {
    const buf = new Uint8Array(64);
    const n = await r.read(fds[0], buf); // both readers sleep here
    await r.write(1, `${n} bytes: ${text(buf, n)}`);
  };
  await sys.pthread_create(reader, 'reader 1');
  await sys.pthread_create(reader, 'reader 2');

  await sys.nanosleep(us(100)); // let both readers fall asleep
  await sys.write(fds[1], 'one message\n'); // one write, 12 bytes
  await sys.nanosleep(us(100));
}
