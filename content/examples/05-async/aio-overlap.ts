// What "asynchronous" means, precisely. The program needs 64 KiB from a file and has
// 300 µs of other work to do. Done synchronously, the work waits for the read. Done
// asynchronously (Linux AIO on an O_DIRECT file), the read is started, the work runs,
// and meanwhile the disk's DMA engine writes the data straight into our buffer. When
// the program finally asks for the result, the whole operation, data included, is
// already complete: io_getevents() returns at once.
import { type Sys, type World, type IoEvent, O_RDONLY, O_DIRECT, IOCB_CMD_PREAD, us, ms, text, formatDuration } from 'inside-io';

export const world: World = {
  cpus: 1, // one CPU: whatever overlaps with our work is done by the disk, not by another CPU
  until: ms(5),
  files: { '/data/photo.raw': { size: 1024 * 1024 } },
};

export async function main(sys: Sys) {
  const fd = await sys.open('/data/photo.raw', O_RDONLY | O_DIRECT);
  const buf = new Uint8Array(64 * 1024);

  // 1. Synchronous: read, then work.
  let t0 = sys.clock_gettime();
  await sys.pread(fd, buf, buf.length, 0); // sleeps until the data is in buf
  await sys.compute(us(300)); // the other work
  await sys.write(1, `read, then work:    ${formatDuration(sys.clock_gettime() - t0)}\n`);

  // 2. Asynchronous: start the read, work, then collect the result.
  buf.fill(0);
  const ctx = { ctx: 0 };
  await sys.io_setup(1, ctx);
  t0 = sys.clock_gettime();
  const iocb = { aio_lio_opcode: IOCB_CMD_PREAD, aio_fildes: fd, aio_buf: buf, aio_nbytes: buf.length, aio_offset: 65536, aio_data: 42 };
  await sys.io_submit(ctx.ctx, 1, [iocb]); // returns as soon as the request is queued
  await sys.compute(us(300)); // the same work, while the disk reads
  const events: IoEvent[] = [];
  await sys.io_getevents(ctx.ctx, 1, 1, events); // nothing left to wait for
  await sys.write(1, `start, work, reap:  ${formatDuration(sys.clock_gettime() - t0)}\n`);
  await sys.write(1, `event ${events[0].data}: ${events[0].res} bytes, starting "${text(buf, 7)}"\n`);
  await sys.io_destroy(ctx.ctx);
}
