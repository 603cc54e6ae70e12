// The I/O scheduler at work. A hard disk does one request at a time, and moving its
// head costs time, so the kernel does not send it requests in the order they were
// made. Six threads each read 4 KiB from a different place of a big file. The first
// request goes to the disk at once; the others wait in the request queue, where the
// mq-deadline scheduler does two things: it merges the two reads that touch (the
// last one continues the second), and it sends the rest in order of position on the
// disk, like a lift that serves floors on its way up; with nothing left above, it
// starts again from the read that has waited longest (here also the lowest).
import { type Sys, type World, O_RDONLY, O_DIRECT, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(40),
  // A 7200 rpm hard disk: one request at a time, the kernel's scheduler orders them.
  disk: { kind: 'hdd', scheduler: 'mq-deadline' },
  files: { '/data/archive.bin': { size: 64 * 1024 * 1024 } },
};

// Where each thread reads, in KiB from the start of the file, in the order they ask.
const places = [20480, 51200, 5120, 35840, 10240, 51204];

export async function main(sys: Sys) {
  // O_DIRECT: each read goes to the disk (no page cache, no readahead).
  const fd = await sys.open('/data/archive.bin', O_RDONLY | O_DIRECT);
  const start = sys.clock_gettime();
  const readers: number[] = [];
  for (const kib of places) {
    const tid = await sys.pthread_create(async (t: Sys) => {
      const buf = new Uint8Array(4096);
      await t.pread(fd, buf, 4096, kib * 1024); // sleeps until the disk is done
      const took = (t.clock_gettime() - start) / 1e6;
      await t.write(1, `read at ${String(kib).padStart(5)} KiB done after ${took.toFixed(1)} ms\n`);
    }, `reader@${kib}K`);
    readers.push(tid);
  }
  for (const tid of readers) await sys.pthread_join(tid);
}
