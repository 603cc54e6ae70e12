// The comparison's workload with io_uring, through the page cache (no O_DIRECT): every
// read goes into the submission ring, one io_uring_enter() submits them all and waits
// for all the completions.
import { type Sys, type World, O_RDONLY, io_uring_prep_read, ms } from 'inside-io';

export const params = { reads: 16 };

export const world: World = { cpus: 2, until: ms(50), files: { '/data/big.db': { size: 16 * 1024 * 1024 } } };

const offset = (i: number) => ((i * 997) % 4096) * 4096;

export async function main(sys: Sys) {
  const fd = await sys.open('/data/big.db', O_RDONLY);
  const ring = (await sys.io_uring_queue_init(params.reads))!;
  for (let i = 0; i < params.reads; i++) {
    const sqe = ring.get_sqe()!;
    io_uring_prep_read(sqe, fd, new Uint8Array(4096), 4096, offset(i));
    sqe.user_data = i;
  }
  await ring.submit_and_wait(params.reads); // one io_uring_enter(): submit all, wait for all
  for (let cqe = ring.peek_cqe(); cqe; cqe = ring.peek_cqe()) ring.cqe_seen(cqe);
}
