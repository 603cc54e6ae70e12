// Four ways to make a descriptor non-blocking, and where the flag is kept.
// A listening socket is created non-blocking; a client connects; the accepted
// socket is made non-blocking afterwards. Read the trace's strace log line by line.
import {
  type Sys, type World, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, F_GETFL, F_SETFL, O_NONBLOCK, FIONBIO, ms,
} from 'inside-io';

export const world: World = { cpus: 1, until: ms(1) };

export async function main(sys: Sys) {
  // 1. At creation: SOCK_NONBLOCK or-ed into socket()'s type (Linux 2.6.27 and later).
  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '127.0.0.1', port: 8080 });
  await sys.listen(listener, 8);
  await sys.accept(listener); // nobody has connected yet: -1 EAGAIN, at once

  const client = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(client, { addr: '127.0.0.1', port: 8080 });

  // accept() does not pass O_NONBLOCK on: the new socket is blocking again.
  const conn = await sys.accept(listener);
  const flags = await sys.fcntl(conn, F_GETFL); // O_RDWR, no O_NONBLOCK

  // 2. fcntl(): read the status flags, add O_NONBLOCK, write them all back.
  await sys.fcntl(conn, F_SETFL, flags | O_NONBLOCK);

  // 3. ioctl(FIONBIO): the older way, with the same effect, on any descriptor.
  await sys.ioctl(client, FIONBIO, { value: 1 });

  // The flag belongs to the open file description, not to the number:
  // a dup()ed descriptor shares it.
  const copy = await sys.dup(conn);
  await sys.fcntl(copy, F_GETFL); // O_RDWR|O_NONBLOCK
  await sys.read(copy, new Uint8Array(16)); // nothing sent yet: -1 EAGAIN

  // 4. A second client, accepted with accept4(SOCK_NONBLOCK): non-blocking from birth.
  const client2 = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(client2, { addr: '127.0.0.1', port: 8080 });
  const conn2 = await sys.accept4(listener, null, SOCK_NONBLOCK);
  await sys.fcntl(conn2, F_GETFL); // O_RDWR|O_NONBLOCK
}
