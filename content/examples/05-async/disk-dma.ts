// Reading from a disk: the CPU does not move the data. The reader asks for 256 KiB
// of a file that is not in memory yet. The kernel sends one request to the disk and
// puts the reader to sleep; the disk finds the data and its DMA engine copies it into
// the page cache, with no CPU involved. Meanwhile the only CPU runs another thread.
// When the transfer is done the disk interrupts, the BLOCK softirq wakes the reader,
// and read() ends by copying from the page cache into our buffer.
import { type Sys, type World, O_RDONLY, ms, formatDuration } from 'inside-io';

export const world: World = {
  cpus: 1,
  until: ms(5),
  files: { '/data/measurements.csv': { size: 1024 * 1024 } },
};

export async function main(sys: Sys) {
  // Something else to do on the same CPU: 600 µs of computation.
  const worker = await sys.pthread_create(async (w: Sys) => {
    await w.compute(ms(0.6));
  }, 'worker');

  const fd = await sys.open('/data/measurements.csv', O_RDONLY);
  const buf = new Uint8Array(256 * 1024);
  const start = sys.clock_gettime();
  const n = await sys.read(fd, buf); // sleeps while the disk works
  const took = sys.clock_gettime() - start;
  await sys.write(1, `read ${n} bytes in ${formatDuration(took)}\n`);

  // The same bytes again: now they are in the page cache.
  const again = sys.clock_gettime();
  await sys.pread(fd, buf, buf.length, 0);
  await sys.write(1, `again from the page cache in ${formatDuration(sys.clock_gettime() - again)}\n`);
  await sys.pthread_join(worker);
}
