// SOLUTION of eof-fix.ts: the parent closes its own copy of the write end, so the
// pipe's last writer is gone once the child exits, and read() returns 0.
import { type Sys, type World, text, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

export async function main(sys: Sys) {
  const p = [0, 0];
  await sys.pipe(p); // 3 = read end, 4 = write end

  await sys.fork(async (child: Sys) => {
    await child.close(p[0]);
    for (const line of ['one\n', 'two\n', 'three\n']) await child.write(p[1], line);
  });

  await sys.close(p[1]); // the parent never writes: drop its write end

  const buf = new Uint8Array(64);
  let total = 0;
  for (;;) {
    const n = await sys.read(p[0], buf);
    if (n <= 0) break; // end of file
    total += n;
    await sys.write(1, `got: ${text(buf, n)}`);
  }
  await sys.write(1, `end of file after ${total} bytes\n`);
  await sys.waitpid(-1);
}
