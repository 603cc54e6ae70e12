// Thread per connection with many idle connections. Ten clients send a request
// every millisecond; all the others connect and then stay silent. Each idle
// connection still holds a thread, asleep in read(): it costs memory, but no CPU.
import { type Sys, type World, type Rlimit, AF_INET, SOCK_STREAM, RLIMIT_NOFILE, ms, us } from 'inside-io';

export const params = { idle: 20 };
const ACTIVE = 10;

export function world(p: typeof params): World {
  return {
    cpus: 2,
    until: ms(30),
    maxEvents: 1_000_000,
    clients: [
      // The busy ones: a 64-byte request every millisecond, 20 times each.
      { name: 'active', count: ACTIVE, port: 7007, requests: 20, think: ms(1), every: us(20) },
      // The silent ones: connect, then nothing until the run ends.
      { name: 'idle', count: p.idle, port: 7007, requests: 0, idle: Infinity, every: us(20), start: us(300) },
    ],
  };
}

async function serve(t: Sys, conn: number) {
  const buf = new Uint8Array(512);
  for (;;) {
    const n = await t.read(conn, buf); // an idle connection's thread sleeps here for good
    if (n <= 0) break;
    await t.write(conn, buf, n);
  }
  await t.close(conn);
}

export async function main(sys: Sys) {
  // One descriptor per connection: raise the soft limit to the hard one.
  const lim: Rlimit = { rlim_cur: 0, rlim_max: 0 };
  await sys.getrlimit(RLIMIT_NOFILE, lim);
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: lim.rlim_max, rlim_max: lim.rlim_max });

  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 7007 });
  await sys.listen(listener, 4096);
  const total = ACTIVE + params.idle;
  for (let i = 0; i < total; i++) {
    const conn = await sys.accept(listener);
    await sys.pthread_create((t) => serve(t, conn), `conn ${conn}`);
  }

  // Let the active clients finish, then report and end the process (and its threads).
  await sys.nanosleep(ms(25) - sys.clock_gettime());
  // What the threads hold on x86-64 Linux: a 16 KiB kernel stack each, resident, and an
  // 8 MiB user stack each (RLIMIT_STACK), reserved address space of which only touched pages use RAM.
  const threads = total + 1;
  await sys.write(1, `${total} connections, ${threads} threads: ${((threads * 16) / 1024).toFixed(1)} MiB of kernel stacks, ` +
    `${((threads * 8) / 1024).toFixed(1)} GiB of address space reserved for user stacks\n`);
}
