// A non-blocking connect(): start the TCP handshake, carry on, find out later.
// The listener's accept queue (backlog 0) is already full, so it drops our SYN and
// our kernel will send it again 1 s later. connect() does not wait for that: it
// answers -1 EINPROGRESS at once. The program uses the time (it accepts the waiting
// connection, making room), then waits with poll() until the socket is writable and
// asks SO_ERROR how the handshake ended. A second connect, to a port where nobody
// listens, ends the other way: ECONNREFUSED.
import {
  type Sys, type World, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, SOL_SOCKET, SO_ERROR, POLLOUT, ECONNREFUSED, sec,
} from 'inside-io';

export const world: World = { cpus: 2, until: sec(2) };

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '127.0.0.1', port: 7000 });
  await sys.listen(listener, 0); // room for one finished connection
  const first = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.connect(first, { addr: '127.0.0.1', port: 7000 }); // takes that room

  const s = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.connect(s, { addr: '127.0.0.1', port: 7000 }); // -1 EINPROGRESS: the SYN is out
  await sys.connect(s, { addr: '127.0.0.1', port: 7000 }); // -1 EALREADY: still going

  await sys.accept(listener); // meanwhile, useful work: make room in the queue

  const err = { value: -1 };
  const pfd = [{ fd: s, events: POLLOUT, revents: 0 }];
  await sys.poll(pfd, 1, 5000); // sleep until writable: the handshake is over
  await sys.getsockopt(s, SOL_SOCKET, SO_ERROR, err); // 0: connected
  console.log(err.value === 0 ? 'port 7000: connected' : `port 7000: failed, errno ${err.value}`);

  const t = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.connect(t, { addr: '127.0.0.1', port: 7001 }); // -1 EINPROGRESS again
  pfd[0] = { fd: t, events: POLLOUT, revents: 0 };
  await sys.poll(pfd, 1, 5000); // writable at once, with POLLERR: it failed
  await sys.getsockopt(t, SOL_SOCKET, SO_ERROR, err); // ECONNREFUSED
  console.log(err.value === ECONNREFUSED ? 'port 7001: refused' : `port 7001: errno ${err.value}`);
}
