// A solution with io_uring: put all four reads in the submission ring and submit them
// with one io_uring_enter(); the disk then works on them while the program works on
// whichever piece has arrived. (Linux AIO on an O_DIRECT file would do as well.)
import { type Sys, type World, O_RDONLY, io_uring_prep_read, us, ms, text } from 'inside-io';

export const world: World = { cpus: 1, until: ms(20), files: { '/data/samples.bin': { size: 8 * 1024 * 1024 } } };

const MiB = 1024 * 1024;
const places = [1 * MiB, 2 * MiB, 3 * MiB, 4 * MiB];

export async function main(sys: Sys) {
  const fd = await sys.open('/data/samples.bin', O_RDONLY);
  const ring = (await sys.io_uring_queue_init(4))!;
  const bufs = places.map(() => new Uint8Array(64 * 1024));
  places.forEach((off, i) => {
    const sqe = ring.get_sqe()!;
    io_uring_prep_read(sqe, fd, bufs[i], bufs[i].length, off);
    sqe.user_data = i;
  });
  await ring.submit(); // all four reads start now
  for (let done = 0; done < places.length; done++) {
    const cqe = (await ring.wait_cqe())!; // the next piece that has arrived
    const i = cqe.user_data;
    ring.cqe_seen(cqe);
    await sys.compute(us(150)); // work on it while the disk reads the others
    await sys.write(1, `piece at ${places[i] / MiB} MiB starts "${text(bufs[i], 7)}"\n`);
  }
}
