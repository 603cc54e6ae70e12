// io_uring with IORING_SETUP_SQPOLL: I/O without system calls. A kernel thread
// (iou-sqp-<pid>) watches the submission ring. The program writes an entry and moves
// the ring's tail, which is an ordinary store to memory; the thread sees it, does
// the read, and writes a completion entry that the program reads, again from memory.
// 256 reads of cached data go through without entering the kernel. The price: the
// kernel thread spins on a CPU while it waits for work, then sleeps after
// sq_thread_idle milliseconds without any.
import { type Sys, type World, O_RDONLY, IORING_SETUP_SQPOLL, io_uring_prep_read, us, ms, formatDuration } from 'inside-io';

export const world: World = {
  cpus: 2, // one for the program, one for the polling thread
  until: ms(10),
  files: { '/data/index.db': { size: 1024 * 1024, cached: true } }, // already in the page cache
};

export async function main(sys: Sys) {
  const ring = (await sys.io_uring_queue_init(16, { flags: IORING_SETUP_SQPOLL, sq_thread_idle: 1 }))!;
  const fd = await sys.open('/data/index.db', O_RDONLY);
  const bufs = Array.from({ length: 8 }, () => new Uint8Array(4096));
  const t0 = sys.clock_gettime();
  let sent = 0;
  let bytes = 0;
  for (let done = 0; done < 256; done++) {
    // Keep up to eight reads in flight: fill entries, then publish them.
    while (sent < 256 && sent - done < 8) {
      io_uring_prep_read(ring.get_sqe()!, fd, bufs[sent % 8], 4096, sent * 4096);
      sent++;
    }
    await ring.submit(); // moves the SQ tail; no io_uring_enter() while the thread is awake
    const cqe = (await ring.wait_cqe())!; // enters the kernel only if no completion is there yet
    bytes += cqe.res;
    ring.cqe_seen(cqe);
    await sys.compute(us(2)); // our own work on each block
  }
  await sys.write(1, `${bytes} bytes in ${formatDuration(sys.clock_gettime() - t0)}\n`);
}
