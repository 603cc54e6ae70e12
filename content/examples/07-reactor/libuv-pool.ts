// Which work goes to libuv's thread pool, and which does not. The program starts five
// DNS lookups at once (Node's dns.lookup(): getaddrinfo(), which blocks, so it runs on a
// pool thread; here each lookup takes 2 ms) and, at the same time, serves two clients
// over TCP (sockets are non-blocking and watched by epoll on the loop's own thread).
// The pool has UV_THREADPOOL_SIZE threads, 4 unless the environment says otherwise.
// @expect-stop time
import { type Sys, type World, UvLoop, UV_EOF, ms, us } from 'inside-io';

export const params = { pool: 4 }; // UV_THREADPOOL_SIZE

export const world: World = {
  until: ms(6),
  clients: [{ count: 2, port: 8000, start: us(200), requests: Infinity, think: us(500) }],
};

export async function main(sys: Sys) {
  const loop = new UvLoop(sys, { threadpoolSize: params.pool, markPhases: false });
  const at = () => `${(sys.clock_gettime() / 1e6).toFixed(2)} ms`;

  // Five lookups, started together: dns.lookup(name, callback).
  for (const name of ['api.example', 'db.example', 'cache.example', 'auth.example', 'logs.example']) {
    await loop.getaddrinfo(name, (addr) => sys.write(1, `${name} is ${addr}: answered at ${at()}\n`));
  }

  // Meanwhile, an echo server: its sockets never touch the pool.
  const server = loop.tcp();
  await server.bind('0.0.0.0', 8000);
  await server.listen(128, async () => {
    const client = loop.tcp();
    server.accept(client);
    await client.read_start(async (nread, data) => {
      if (nread === UV_EOF) return client.close();
      await client.write(data);
    });
  });
  await loop.run();
}
