// connect() blocks until the TCP handshake completes. A listener whose accept
// queue is full drops new SYNs, so the client's connect() sleeps until its
// kernel retransmits the SYN, 1 second later (TCP_TIMEOUT_INIT).
import { Sys, type World, AF_INET, SOCK_STREAM, ms, sec } from 'inside-io';

export const world: World = { cpus: 2, until: sec(5) };

const ADDR = { addr: '127.0.0.1', port: 7000 };

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, ADDR);
  await sys.listen(listener, 0); // a queue for backlog + 1 = 1 finished connection

  // Two clients, one after the other.
  const clients: number[] = [];
  for (const name of ['first', 'second']) {
    clients.push(await sys.pthread_create(async (c: Sys) => {
      const fd = await c.socket(AF_INET, SOCK_STREAM);
      const t0 = c.clock_gettime();
      await c.connect(fd, ADDR); // sleeps until the handshake is done
      await c.write(1, `${name} client: connect() took ${Sys.formatTime(c.clock_gettime() - t0)}\n`);
    }, `${name} client`));
  }

  // The server is slow to call accept(): for 200 ms it does something else.
  await sys.nanosleep(ms(200));
  await sys.accept(listener);
  await sys.accept(listener);
  for (const tid of clients) await sys.pthread_join(tid);
}
