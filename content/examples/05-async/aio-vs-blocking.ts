// Eight 4 KiB reads from scattered places in a file, three ways.
// 1. Blocking pread(): one at a time; each waits for the disk (about 100 µs).
// 2. Linux AIO on an O_DIRECT file: io_submit() queues all eight and returns; the disk
//    works on them together; io_getevents() collects the results.
// 3. Linux AIO on a normal (buffered) file: io_submit() quietly does each read itself,
//    waiting for the disk inside the call. Asynchronous in name only.
import { type Sys, type World, type IoEvent, O_RDONLY, O_DIRECT, IOCB_CMD_PREAD, ms, formatDuration } from 'inside-io';

const MiB = 1024 * 1024;
export const world: World = {
  cpus: 2,
  until: ms(20),
  files: { '/data/a.db': { size: 4 * MiB }, '/data/b.db': { size: 4 * MiB }, '/data/c.db': { size: 4 * MiB } },
};

const offsets = [7, 300, 41, 999, 120, 560, 12, 777].map((block) => block * 4096);

export async function main(sys: Sys) {
  const bufs = offsets.map(() => new Uint8Array(4096));

  // 1. Blocking reads, one after the other.
  let fd = await sys.open('/data/a.db', O_RDONLY | O_DIRECT);
  let t0 = sys.clock_gettime();
  for (let i = 0; i < 8; i++) await sys.pread(fd, bufs[i], 4096, offsets[i]);
  await sys.write(1, `blocking pread x8:   ${formatDuration(sys.clock_gettime() - t0)}\n`);

  // 2. Linux AIO with O_DIRECT: submit all, then wait for all.
  const ctx = { ctx: 0 };
  await sys.io_setup(8, ctx);
  fd = await sys.open('/data/b.db', O_RDONLY | O_DIRECT);
  const iocbs = offsets.map((off, i) => ({ aio_lio_opcode: IOCB_CMD_PREAD, aio_fildes: fd, aio_buf: bufs[i], aio_nbytes: 4096, aio_offset: off, aio_data: i }));
  t0 = sys.clock_gettime();
  await sys.io_submit(ctx.ctx, 8, iocbs); // returns at once
  const events: IoEvent[] = [];
  await sys.io_getevents(ctx.ctx, 8, 8, events); // sleeps until all eight are done
  await sys.write(1, `AIO, O_DIRECT:       ${formatDuration(sys.clock_gettime() - t0)}\n`);

  // 3. The same AIO calls on a buffered file: io_submit itself blocks, read by read.
  fd = await sys.open('/data/c.db', O_RDONLY);
  for (const cb of iocbs) cb.aio_fildes = fd;
  t0 = sys.clock_gettime();
  await sys.io_submit(ctx.ctx, 8, iocbs);
  await sys.io_getevents(ctx.ctx, 8, 8, events);
  await sys.write(1, `AIO, buffered file:  ${formatDuration(sys.clock_gettime() - t0)}\n`);
  await sys.io_destroy(ctx.ctx);
}
