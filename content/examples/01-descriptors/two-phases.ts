// Every input operation has two phases: waiting until there is data, and
// copying it from the kernel's buffer into the program's buffer. A blocking
// read() does both, one after the other, on the calling thread.
import { type Sys, type World, AF_UNIX, SOCK_STREAM, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(2) };

const SIZE = 60_000; // bytes the sender sends in one write()

export async function main(sys: Sys) {
  const sv = [0, 0];
  await sys.socketpair(AF_UNIX, SOCK_STREAM, 0, sv); // two connected sockets

  // The sender works for 300 µs, then sends 60,000 bytes at once.
  await sys.pthread_create(async (sender: Sys) => {
    await sender.compute(us(300));
    await sender.write(sv[1], new Uint8Array(SIZE));
  }, 'sender');

  // Phase 1: nothing has arrived yet, so read() sleeps.
  // Phase 2: once the bytes are queued, read() copies them into buf.
  const buf = new Uint8Array(SIZE);
  const n = await sys.read(sv[0], buf);
  await sys.write(1, `read returned ${n}\n`);
}
