// RLIMIT_NOFILE caps the descriptors a process may have: a new descriptor must
// be below the soft limit, or the call fails with EMFILE ("Too many open files").
import { type Sys, type World, type Rlimit, AF_INET, SOCK_STREAM, RLIMIT_NOFILE, EMFILE, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const lim: Rlimit = { rlim_cur: 0, rlim_max: 0 };
  await sys.getrlimit(RLIMIT_NOFILE, lim);
  await sys.write(1, `soft limit ${lim.rlim_cur}, hard limit ${lim.rlim_max}\n`);

  // Lower the soft limit to 8 for this demonstration: descriptors 0..7 only.
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 8, rlim_max: lim.rlim_max });

  let opened = 0;
  for (;;) {
    const fd = await sys.socket(AF_INET, SOCK_STREAM);
    if (fd === -1) {
      const name = sys.errno === EMFILE ? 'EMFILE' : `errno ${sys.errno}`;
      await sys.write(1, `socket() failed with ${name} after ${opened} new sockets\n`);
      break;
    }
    opened++;
  }
}
