// Blocking the event loop. A libuv (Node.js) server answers four clients, each sending a
// small request every 2 ms. All the server's callbacks run on one thread, one after the
// other. The first request makes its callback compute for 50 ms (think of parsing a
// huge JSON document, or hashing a password synchronously): for those 50 ms the loop
// does not poll, so every other connection's requests wait, and their answers come
// 50 ms late. Nothing is wrong with the network or the kernel: the loop is busy.
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
        await sys.compute(ms(50)); // 50 ms of work inside a callback: the whole loop waits
      }
      await client.write(data); // echo
    });
  });
  await loop.run();
}
