// How long the data takes to come is a parameter (`params.wait`, in µs): a sweep can
// change it. This reader spins on a non-blocking pipe until the data arrives.
import { type Sys, type World, F_GETFL, F_SETFL, O_NONBLOCK, us, ms } from 'inside-io';

export const params = { wait: 50 };

export function world(p: typeof params): World {
  return { cpus: 2, until: us(p.wait) + ms(5) };
}

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);
  const flags = await sys.fcntl(fds[0], F_GETFL);
  await sys.fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);
  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(params.wait));
    await writer.write(fds[1], 'x');
  }, 'writer');
  const buf = new Uint8Array(16);
  while ((await sys.read(fds[0], buf)) < 0); // spin until the byte arrives
}
