// The comparison's workload with Linux native AIO on an O_DIRECT file: one io_submit()
// queues every read, the disk works on them together, and one io_getevents() collects
// the results. O_DIRECT also means the disk's DMA writes straight into our buffers.
import { type Sys, type World, type IoEvent, O_RDONLY, O_DIRECT, IOCB_CMD_PREAD, ms } from 'inside-io';

export const params = { reads: 16 };

export const world: World = { cpus: 2, until: ms(50), files: { '/data/big.db': { size: 16 * 1024 * 1024 } } };

const offset = (i: number) => ((i * 997) % 4096) * 4096;

export async function main(sys: Sys) {
  const fd = await sys.open('/data/big.db', O_RDONLY | O_DIRECT);
  const ctx = { ctx: 0 };
  await sys.io_setup(params.reads, ctx);
  const iocbs = [];
  for (let i = 0; i < params.reads; i++) {
    iocbs.push({ aio_lio_opcode: IOCB_CMD_PREAD, aio_fildes: fd, aio_buf: new Uint8Array(4096), aio_nbytes: 4096, aio_offset: offset(i), aio_data: i });
  }
  await sys.io_submit(ctx.ctx, iocbs.length, iocbs); // all of them at once
  const events: IoEvent[] = [];
  await sys.io_getevents(ctx.ctx, params.reads, params.reads, events); // wait for all
  await sys.io_destroy(ctx.ctx);
}
