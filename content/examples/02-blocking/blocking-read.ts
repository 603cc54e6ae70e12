// A blocking read: the main thread reads from an empty pipe and sleeps in the
// kernel until a second thread writes to it.
import { type Sys, type World, text, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(1) };

export async function main(sys: Sys) {
  const fds = [0, 0];
  await sys.pipe(fds); // fds[0]: read end, fds[1]: write end

  // The writer thread works for 200 µs before it has something to say.
  await sys.pthread_create(async (writer: Sys) => {
    await writer.compute(us(200));
    await writer.write(fds[1], 'hello from the writer\n');
  }, 'writer');

  // Nothing is in the pipe yet: read() puts this thread to sleep on the
  // pipe's wait queue. The CPU is free for others until the writer wakes us.
  const buf = new Uint8Array(64);
  const n = await sys.read(fds[0], buf);

  await sys.write(1, `read returned ${n}: ${text(buf, n)}`);
}
