// io_uring on an ordinary (buffered) file: the case where Linux native AIO quietly
// blocked. The same eight scattered 4 KiB reads go into the shared submission ring;
// one io_uring_enter() hands them to the kernel and returns without waiting for the
// disk. The kernel starts the disk reads for the missing pages (no O_DIRECT needed),
// and each request finishes later, when its pages arrive: the kernel copies the data
// into our buffer and writes a completion entry into the completion ring.
import { type Sys, type World, O_RDONLY, io_uring_prep_read, ms, formatDuration } from 'inside-io';

const MiB = 1024 * 1024;
export const world: World = {
  cpus: 2,
  until: ms(10),
  files: { '/data/c.db': { size: 4 * MiB } },
};

const offsets = [7, 300, 41, 999, 120, 560, 12, 777].map((block) => block * 4096);

export async function main(sys: Sys) {
  const ring = (await sys.io_uring_queue_init(8))!; // io_uring_setup + mmap of the rings
  const fd = await sys.open('/data/c.db', O_RDONLY); // no O_DIRECT: through the page cache
  const bufs = offsets.map(() => new Uint8Array(4096));

  const t0 = sys.clock_gettime();
  // Fill eight submission entries. This is plain memory: no system call yet.
  offsets.forEach((off, i) => {
    const sqe = ring.get_sqe()!;
    io_uring_prep_read(sqe, fd, bufs[i], 4096, off);
    sqe.user_data = i; // comes back in the completion, to tell them apart
  });
  await ring.submit(); // one io_uring_enter(): the kernel takes all eight
  const submitted = sys.clock_gettime() - t0;

  // We could do other work here. Instead, sleep until all eight are complete...
  await ring.submit_and_wait(8); // io_uring_enter(GETEVENTS, min_complete = 8)
  // ...then read the completion entries from the shared ring: memory again, no system call.
  const order: number[] = [];
  for (let cqe = ring.peek_cqe(); cqe; cqe = ring.peek_cqe()) {
    order.push(cqe.user_data);
    ring.cqe_seen(cqe); // moves the CQ head: the kernel may reuse the slot
  }
  await sys.write(1, `submitted in ${formatDuration(submitted)}, all done after ${formatDuration(sys.clock_gettime() - t0)}\n`);
  await sys.write(1, `completion order: ${order.join(' ')}\n`);
}
