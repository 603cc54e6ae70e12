// A thread-per-connection echo server. The main thread only accepts; each
// connection gets a thread of its own that reads a request and writes it back,
// with plain blocking calls, until the client closes.
import { type Sys, type World, AF_INET, SOCK_STREAM, us, ms } from 'inside-io';

const CLIENTS = 3;

export const world: World = {
  cpus: 2,
  until: ms(20),
  // Remote clients, 50 µs away on the network: each connects, sends two
  // 64-byte requests 300 µs apart, waits for each echo, and closes.
  clients: [{ count: CLIENTS, port: 7007, requests: 2, think: us(300), every: us(100) }],
};

// The whole per-connection logic: read, write back, repeat.
async function serve(t: Sys, conn: number) {
  const buf = new Uint8Array(512);
  let total = 0;
  for (;;) {
    const n = await t.read(conn, buf); // sleeps until the client sends or closes
    if (n <= 0) break; // 0: the client closed its end
    await t.write(conn, buf, n); // sleeps only if the send buffer is full
    total += n;
  }
  await t.close(conn);
  await t.write(1, `connection ${conn}: echoed ${total} bytes\n`);
}

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 7007 });
  await sys.listen(listener, 128);

  const workers: number[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const conn = await sys.accept(listener); // sleeps until a client connects
    workers.push(await sys.pthread_create((t) => serve(t, conn), `conn ${conn}`));
  }
  // A real server would accept forever; this one waits for its workers and stops.
  for (const tid of workers) await sys.pthread_join(tid);
}
