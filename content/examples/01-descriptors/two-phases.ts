// Every input operation has two phases: waiting until there is data, and
// copying it from the kernel's buffer into the program's buffer. A blocking
// read() does both, one after the other, on the calling thread.
import { type Sys, type World, AF_UNIX, SOCK_STREAM, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(20) };

// What a sweep may change: the bytes sent in one write(), and the sender's delay (µs).
export const params = { size: 60_000, wait: 300 };

export async function main(sys: Sys) {
  const sv = [0, 0];
  await sys.socketpair(AF_UNIX, SOCK_STREAM, 0, sv); // two connected sockets

  // The sender works for 300 µs, then sends 60,000 bytes at once.
  await sys.pthread_create(async (sender: Sys) => {
    await sender.compute(us(params.wait));
    await sender.write(sv[1], new Uint8Array(params.size));
  }, 'sender');

  // Phase 1: nothing has arrived yet, so read() sleeps.
  // Phase 2: once the bytes are queued, read() copies them into buf.
  const buf = new Uint8Array(params.size);
  const n = await sys.read(sv[0], buf);
  await sys.write(1, `read returned ${n}\n`);
}
