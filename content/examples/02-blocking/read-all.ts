// EXERCISE. The sender sends a 10,000-byte message in four pieces, 100 µs apart.
// The receiver must get all of it before printing its size. As given, it does not.
import { type Sys, type World, AF_UNIX, SOCK_STREAM, us, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

const SIZE = 10_000;

export async function main(sys: Sys) {
  const sv = [0, 0];
  await sys.socketpair(AF_UNIX, SOCK_STREAM, 0, sv);

  await sys.pthread_create(async (s: Sys) => {
    for (let i = 0; i < 4; i++) {
      await s.write(sv[1], new Uint8Array(SIZE / 4)); // 2,500 bytes
      await s.nanosleep(us(100));
    }
  }, 'sender');

  const buf = new Uint8Array(SIZE);
  const n = await sys.read(sv[0], buf); // returns as soon as there is something
  await sys.write(1, `got ${n} bytes\n`);
}
