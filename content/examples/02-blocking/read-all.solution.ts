// SOLUTION of read-all.ts: read() returns whatever has arrived, so loop until the
// whole message is in (recv() with MSG_WAITALL would also do, on a socket).
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
  let n = 0;
  while (n < SIZE) {
    const got = await sys.read(sv[0], buf.subarray(n)); // the rest of the buffer
    if (got <= 0) break; // end of file or error: stop
    n += got;
  }
  await sys.write(1, `got ${n} bytes\n`);
}
