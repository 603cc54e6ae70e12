// SOLUTION of many-clients.ts: raise the soft RLIMIT_NOFILE to the hard limit
// before accepting, as servers that hold many connections do.
import { type Sys, type World, type Rlimit, AF_INET, SOCK_STREAM, EMFILE, RLIMIT_NOFILE, ms, us } from 'inside-io';

const CLIENTS = 1_500;

export const world: World = {
  until: ms(40),
  maxEvents: 500_000,
  // 1,500 clients connect, 20 µs apart, and then stay connected without a word.
  clients: [{ count: CLIENTS, port: 8080, every: us(20), requests: 0, idle: Infinity }],
};

export async function main(sys: Sys) {
  const lim: Rlimit = { rlim_cur: 0, rlim_max: 0 };
  await sys.getrlimit(RLIMIT_NOFILE, lim);
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: lim.rlim_max, rlim_max: lim.rlim_max });

  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 4096);

  let accepted = 0;
  while (accepted < CLIENTS) {
    const conn = await sys.accept(listener);
    if (conn === -1) {
      await sys.write(1, `accept() failed with ${sys.errno === EMFILE ? 'EMFILE' : sys.errno} after ${accepted} connections\n`);
      return;
    }
    accepted++;
  }
  await sys.write(1, `holding ${accepted} connections\n`);
}
