// A solution: cut the 50 ms job into ten 5 ms pieces and let the loop run between them
// (setImmediate puts the next piece in the next check phase, after the poll phase has
// served whatever arrived). The total work is the same; no stall is longer than 5 ms.
// Another solution hands the whole job to the thread pool with loop.queue_work().
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

  // Run `pieces` slices of work, one per loop iteration, then call `done`.
  function inPieces(pieces: number, each: number, done: () => unknown) {
    const step = async () => {
      await sys.compute(each);
      if (--pieces > 0) loop.setImmediate(step);
      else await done();
    };
    loop.setImmediate(step);
  }

  await server.listen(128, async () => {
    const client = loop.tcp();
    server.accept(client);
    await client.read_start(async (nread, data) => {
      if (nread === UV_EOF) return client.close();
      if (first) {
        first = false;
        inPieces(10, ms(5), () => client.write(data)); // answer when the last piece is done
        return;
      }
      await client.write(data);
    });
  });
  await loop.run();
}
