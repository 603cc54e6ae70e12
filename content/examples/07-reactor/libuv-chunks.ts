// Exercise: don't block the event loop. This server (on libuv, as Node.js runs) echoes
// requests from four clients. The first request needs 50 ms of computation, done in one
// piece inside the read callback, so for 50 ms no other client is answered. Keep the
// 50 ms of work (and the answer to that first request), but make sure no other client
// ever waits more than 10 ms for an answer.
// @expect-stop time
import { type Sys, type World, UvLoop, UV_EOF, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(120),
  clients: [{ count: 4, port: 8000, requests: 30, requestSize: 64, think: ms(2) }],
};

export async function main(sys: Sys) {
  const loop = new UvLoop(sys, { markPhases: false });
  const server = loop.tcp();
  await server.bind('0.0.0.0', 8000);
  let first = true;

  await server.listen(128, async () => {
    const client = loop.tcp();
    server.accept(client);
    await client.read_start(async (nread, data) => {
      if (nread === UV_EOF) return client.close();
      if (first) {
        first = false;
        await sys.compute(ms(50)); // the big job, all at once
      }
      await client.write(data);
    });
  });
  await loop.run();
}
