// A thread-per-connection echo server. The main thread sleeps in accept() until a
// client connects, then gives the connection a thread of its own, which sleeps in
// read() until its client sends something. Blocking code, easy to write: the kernel's
// wait queues do the waiting, and each sleeping thread costs a stack and a task.
// @expect-stop time
import { type Sys, type World, AF_INET, SOCK_STREAM, ms } from 'inside-io';

// How many clients: a scaling chart sweeps this.
export const params = { clients: 20 };

// The remote clients connect over the first 10 ms (20 clients: 0.5 ms apart); each
// sends 100-byte requests and waits for the echo, pausing 2 ms between requests.
export function world(p: typeof params): World {
  return {
    until: ms(30),
    maxEvents: 1_000_000,
    clients: [{ count: p.clients, port: 8080, every: Math.round(ms(10) / p.clients), requests: Infinity, requestSize: 100, think: ms(2) }],
  };
}

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);

  for (;;) {
    const conn = await sys.accept(listener); // sleeps until a client connects
    await sys.pthread_create(async (t: Sys) => {
      const buf = new Uint8Array(4096);
      for (;;) {
        const n = await t.read(conn, buf); // sleeps until this client sends
        if (n <= 0) break; // 0: the client closed the connection
        await t.write(conn, buf, n);
      }
      await t.close(conn);
    }, `conn ${conn}`);
  }
}
