// socket() returns a descriptor like any other, and read() and write() work on
// it as on a pipe. A listening socket and each accepted connection are separate
// open files, with separate descriptors.
import { type Sys, type World, AF_INET, SOCK_STREAM, text, ms } from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  // The server's side: a socket that waits for connections on port 8080.
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 8080 });
  await sys.listen(listener, 16);

  // The client's side: another socket, connected to that port. Over loopback
  // the kernel completes the TCP handshake inside connect().
  const client = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(client, { addr: '127.0.0.1', port: 8080 });

  // accept() takes the finished connection off the listener's queue and gives
  // it a NEW descriptor. The listener keeps listening on its own descriptor.
  const conn = await sys.accept(listener);

  // Plain write() and read(): the descriptor does not say what kind of file it is.
  await sys.write(client, 'ping');
  const buf = new Uint8Array(16);
  const n = await sys.read(conn, buf);

  await sys.write(1, `listener ${listener}, client ${client}, accepted ${conn}; read "${text(buf, n)}"\n`);
}
