// The file offset (where the next read starts) lives in the open file
// description. Two open() calls make two descriptions with their own offsets;
// dup() makes a second descriptor for the same description, offset included.
import { type Sys, type World, O_RDONLY, text, ms } from 'inside-io';

export const world: World = {
  cpus: 1,
  until: ms(1),
  files: { '/data/letters.txt': { content: 'abcdefghijklmnopqrstuvwxyz', cached: true } },
};

export async function main(sys: Sys) {
  const a = await sys.open('/data/letters.txt', O_RDONLY); // description #1, offset 0
  const b = await sys.open('/data/letters.txt', O_RDONLY); // description #2, offset 0
  const c = await sys.dup(a); // a second descriptor for description #1

  const buf = new Uint8Array(5);
  const show = async (fd: number) => {
    const n = await sys.read(fd, buf); // reads 5 bytes and moves that description's offset
    await sys.write(1, `read(${fd}) -> "${text(buf, n)}"\n`);
  };
  await show(a); // "abcde": #1 moves to 5
  await show(c); // continues where a stopped: same description, same offset
  await show(b); // starts at the beginning: its own description
}
