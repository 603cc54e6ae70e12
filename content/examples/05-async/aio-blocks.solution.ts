// A solution: open the file with O_DIRECT. For such a file the read method submits
// the bio and returns -EIOCBQUEUED, so io_submit() moves on at once; the completion
// comes later, from the BLOCK softirq. (For a buffered file the method does the whole
// read, waiting for the disk, before io_submit() can go on.)
import { type Sys, type World, type IoEvent, O_RDONLY, O_DIRECT, IOCB_CMD_PREAD, ms, formatDuration } from 'inside-io';

export const world: World = { cpus: 2, until: ms(20), files: { '/data/table.db': { size: 4 * 1024 * 1024 } } };

const offsets = [7, 300, 41, 999, 120, 560, 12, 777].map((block) => block * 4096);

export async function main(sys: Sys) {
  const fd = await sys.open('/data/table.db', O_RDONLY | O_DIRECT); // O_DIRECT: the read method only starts the I/O
  const ctx = { ctx: 0 };
  await sys.io_setup(8, ctx);
  const iocbs = offsets.map((off, i) => ({ aio_lio_opcode: IOCB_CMD_PREAD, aio_fildes: fd, aio_buf: new Uint8Array(4096), aio_nbytes: 4096, aio_offset: off, aio_data: i }));
  const t0 = sys.clock_gettime();
  await sys.io_submit(ctx.ctx, 8, iocbs);
  await sys.write(1, `io_submit took ${formatDuration(sys.clock_gettime() - t0)}\n`);
  const events: IoEvent[] = [];
  await sys.io_getevents(ctx.ctx, 8, 8, events);
  await sys.write(1, `results: ${events.map((e) => e.res).join(' ')}\n`);
}
