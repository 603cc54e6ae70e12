// The receive buffer of a non-blocking TCP socket. One program plays both ends of a
// connection over loopback: it writes on `client` and reads on `conn`, the accepted
// socket, which it made non-blocking. Every read() answers at once, with one of
// four results: -1 EAGAIN (empty), fewer bytes than asked (a short read), exactly
// as many as asked (more wait in the kernel), or 0 (the peer closed: end of file).
import { type Sys, type World, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, FIONREAD, text, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 8080 });
  await sys.listen(listener, 8);
  const client = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(client, { addr: '127.0.0.1', port: 8080 });
  const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);

  const buf = new Uint8Array(8); // a small buffer, to see reads come up short and fill up
  const waiting = { value: 0 };

  await sys.read(conn, buf); // empty: -1 EAGAIN

  await sys.write(client, 'hello'); // 5 bytes land in conn's receive buffer
  let n = await sys.read(conn, buf); // 5: less than the 8 asked for, and that is fine
  console.log(`read ${n}: "${text(buf, n)}"`);

  await sys.write(client, 'a longer message'); // 16 bytes
  await sys.ioctl(conn, FIONREAD, waiting); // how many bytes wait? 16
  n = await sys.read(conn, buf); // 8: the buffer is full; 8 more stay in the kernel
  console.log(`read ${n}: "${text(buf, n)}"`);
  await sys.ioctl(conn, FIONREAD, waiting); // 8
  n = await sys.read(conn, buf); // the other 8
  console.log(`read ${n}: "${text(buf, n)}"`);

  await sys.read(conn, buf); // empty again: -1 EAGAIN

  await sys.close(client); // the peer closes: a FIN arrives
  n = await sys.read(conn, buf); // 0: end of file, which is not EAGAIN
  console.log(`read ${n}: end of file`);
}
