// The workload of the comparison: `params.reads` reads of 4 KiB from scattered places
// in a 16 MiB file that is not in memory. This version is the plain one: pread() after
// pread(), each waiting for the disk before the next can start.
import { type Sys, type World, O_RDONLY, ms } from 'inside-io';

export const params = { reads: 16 };

export const world: World = { cpus: 2, until: ms(50), files: { '/data/big.db': { size: 16 * 1024 * 1024 } } };

/** The i-th place to read: scattered over the file's 4,096 blocks of 4 KiB. */
const offset = (i: number) => ((i * 997) % 4096) * 4096;

export async function main(sys: Sys) {
  const fd = await sys.open('/data/big.db', O_RDONLY);
  const buf = new Uint8Array(4096);
  for (let i = 0; i < params.reads; i++) await sys.pread(fd, buf, 4096, offset(i)); // waits for the disk every time
}
