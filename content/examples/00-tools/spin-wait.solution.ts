// A solution: leave the read end blocking. read() then sleeps on the pipe's wait
// queue, and the writer's write() wakes it: one read call, no CPU burnt meanwhile.
import { type Sys, type World, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(2) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);

  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(100));
    await writer.write(fds[1], 'done\n');
  }, 'writer');

  const buf = new Uint8Array(64);
  const n = await sys.read(fds[0], buf);
  await sys.write(1, `got: ${text(buf, n)}`);
}
