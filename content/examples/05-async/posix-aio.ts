// POSIX AIO as glibc implements it: not in the kernel at all. aio_read() puts the
// request on a list and returns; a helper thread of the C library takes it and does an
// ordinary, blocking pread(). The kernel sees nothing asynchronous, only threads that
// block. And glibc gives each file descriptor at most one helper at a time, so eight
// reads on one descriptor still run one after the other. Spread over eight
// descriptors, they get eight helpers and go to the disk together.
import { type Sys, type World, type Aiocb, O_RDONLY, EINPROGRESS, ms, formatDuration } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(10),
  files: { '/data/a.db': { size: 4 * 1024 * 1024 }, '/data/b.db': { size: 4 * 1024 * 1024 } },
};

const offsets = [7, 300, 41, 999, 120, 560, 12, 777].map((block) => block * 4096);

// Start eight reads, then wait for all of them with aio_suspend().
async function readAll(sys: Sys, fds: number[]): Promise<void> {
  const cbs: Aiocb[] = offsets.map((off, i) => ({ aio_fildes: fds[i % fds.length], aio_offset: off, aio_buf: new Uint8Array(4096), aio_nbytes: 4096 }));
  for (const cb of cbs) await sys.aio_read(cb); // returns at once: the request is only queued
  for (const cb of cbs) {
    while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]); // sleeps on a futex
    if (sys.aio_return(cb) !== 4096) throw new Error('short read');
  }
}

export async function main(sys: Sys) {
  // 1. Eight reads on one descriptor.
  const fd = await sys.open('/data/a.db', O_RDONLY);
  let t0 = sys.clock_gettime();
  await readAll(sys, [fd]);
  await sys.write(1, `one descriptor:    ${formatDuration(sys.clock_gettime() - t0)}\n`);

  // 2. The same reads (of another file, not cached yet) over eight descriptors.
  const fds: number[] = [];
  for (let i = 0; i < 8; i++) fds.push(await sys.open('/data/b.db', O_RDONLY));
  t0 = sys.clock_gettime();
  await readAll(sys, fds);
  await sys.write(1, `eight descriptors: ${formatDuration(sys.clock_gettime() - t0)}\n`);
}
