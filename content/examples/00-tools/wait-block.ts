// The same wait (`params.wait`, in µs), but this reader blocks in read() and sleeps
// until the writer wakes it.
import { type Sys, type World, us, ms } from 'inside-io';

export const params = { wait: 50 };

export function world(p: typeof params): World {
  return { cpus: 2, until: us(p.wait) + ms(5) };
}

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);
  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(params.wait));
    await writer.write(fds[1], 'x');
  }, 'writer');
  const buf = new Uint8Array(16);
  await sys.read(fds[0], buf); // sleeps until the byte arrives
}
