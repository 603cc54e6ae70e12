// An exercise: this reader spins on a non-blocking pipe until the writer's message
// arrives, asking the kernel again and again. Make it wait without spinning.
import { type Sys, type World, F_GETFL, F_SETFL, O_NONBLOCK, EAGAIN, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(2) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds);
  const flags = await sys.fcntl(fds[0], F_GETFL);
  await sys.fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);

  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(100));
    await writer.write(fds[1], 'done\n');
  }, 'writer');

  const buf = new Uint8Array(64);
  for (;;) {
    const n = await sys.read(fds[0], buf);
    if (n >= 0) {
      await sys.write(1, `got: ${text(buf, n)}`);
      break;
    }
    if (sys.errno !== EAGAIN) throw new Error(`read failed: errno ${sys.errno}`);
  }
}
