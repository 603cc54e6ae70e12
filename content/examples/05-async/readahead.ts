// The kernel already does asynchronous I/O for you: readahead. A program reads a
// 512 KiB file from start to end, 16 KiB at a time, and works 40 µs on each piece.
// The first read finds nothing in the page cache and waits for the disk. Seeing a
// sequential reader, the kernel reads further ahead than it was asked, in growing
// windows, and starts each window before the reader gets there, without making it
// wait. So almost every read() finds its data already in memory and only copies it.
import { type Sys, type World, O_RDONLY, us, ms } from 'inside-io';

export const world: World = {
  cpus: 1,
  until: ms(10),
  files: { '/data/log.txt': { size: 512 * 1024 } },
};

export async function main(sys: Sys) {
  const fd = await sys.open('/data/log.txt', O_RDONLY);
  const buf = new Uint8Array(16 * 1024);
  let reads = 0;
  let slow = 0;
  for (;;) {
    const t0 = sys.clock_gettime();
    const n = await sys.read(fd, buf);
    if (n <= 0) break; // 0: end of file
    reads++;
    if (sys.clock_gettime() - t0 > 50_000) slow++; // more than 50 µs: it waited for the disk
    await sys.compute(us(40)); // parse the piece we got
  }
  await sys.write(1, `${reads} reads, ${slow} of them waited for the disk\n`);
}
