// fork() copies the descriptor table: parent and child hold descriptors for the
// same open pipe ends. A reader sees end of file (read returns 0) only when
// EVERY descriptor for the write end, in every process, has been closed.
import { type Sys, type World, text, ms } from 'inside-io';

export const world: World = { cpus: 2, until: ms(5) };

export async function main(sys: Sys) {
  const p = [0, 0];
  await sys.pipe(p); // 3 = read end, 4 = write end

  // The child starts with copies of 3 and 4 that point at the same pipe.
  await sys.fork(async (child: Sys) => {
    await child.close(p[0]); // the child only writes
    await child.write(p[1], 'one line from the child\n');
    // Returning ends the child; exit closes its descriptors, including its 4.
  });

  // The parent only reads. Its own copy of the write end must go, or the
  // pipe keeps a writer forever and the loop below never sees end of file.
  await sys.close(p[1]);

  const buf = new Uint8Array(64);
  for (;;) {
    const n = await sys.read(p[0], buf);
    if (n <= 0) break; // 0: end of file
    await sys.write(1, `parent read ${n} bytes: ${text(buf, n)}`);
  }
  await sys.waitpid(-1);
  await sys.write(1, 'end of file: no writer is left\n');
}
