// A solution: keep what write() did not take, wait with poll() until the socket is
// writable again, and write the rest.
//
// An exercise: a non-blocking writer that loses data. The program sends 200,000
// bytes to a reader thread over TCP with ONE write() and then closes the socket. But
// a non-blocking write() takes only what fits in the kernel's buffers right now and
// returns that number. The reader counts what arrives.
import { type Sys, type World, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, POLLOUT, EAGAIN, ms, us } from 'inside-io';

export const world: World = { cpus: 2, until: ms(20) };

const TOTAL = 200_000;

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 8080 });
  await sys.listen(listener, 8);
  const writer = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.connect(writer, { addr: '127.0.0.1', port: 8080 });
  const conn = await sys.accept(listener);

  // The reader: a thread that is busy for 200 µs, then reads with ordinary blocking
  // reads, counting bytes until end of file.
  const reader = await sys.pthread_create(async (r: Sys) => {
    await r.compute(us(200));
    const buf = new Uint8Array(16_384);
    let got = 0;
    for (let n = await r.read(conn, buf); n > 0; n = await r.read(conn, buf)) got += n;
    await r.write(1, `received ${got} bytes\n`);
  }, 'reader');

  const data = 'x'.repeat(TOTAL);
  let sent = 0;
  while (sent < TOTAL) {
    const n = await sys.write(writer, data.slice(sent));
    if (n > 0) sent += n; // a partial write: keep the rest
    else if (sys.errno === EAGAIN) await sys.poll([{ fd: writer, events: POLLOUT, revents: 0 }], 1, -1);
    else throw new Error(`write failed: errno ${sys.errno}`);
  }
  console.log(`wrote ${sent} bytes`);
  await sys.close(writer); // the reader sees end of file after what was written
  await sys.pthread_join(reader);
}
