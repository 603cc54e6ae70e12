// The comparison's workload with POSIX AIO (glibc): aio_read() for every block, then
// aio_suspend() until each is done. The C library's helper threads do the reads with
// blocking pread(), and since all the reads are on one descriptor, one at a time.
import { type Sys, type World, type Aiocb, O_RDONLY, EINPROGRESS, ms } from 'inside-io';

export const params = { reads: 16 };

export const world: World = { cpus: 2, until: ms(50), files: { '/data/big.db': { size: 16 * 1024 * 1024 } } };

const offset = (i: number) => ((i * 997) % 4096) * 4096;

export async function main(sys: Sys) {
  const fd = await sys.open('/data/big.db', O_RDONLY);
  const cbs: Aiocb[] = [];
  for (let i = 0; i < params.reads; i++) {
    const cb = { aio_fildes: fd, aio_offset: offset(i), aio_buf: new Uint8Array(4096), aio_nbytes: 4096 };
    await sys.aio_read(cb); // queued for a helper thread; returns at once
    cbs.push(cb);
  }
  for (const cb of cbs) while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]);
}
