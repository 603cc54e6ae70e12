// Signal-driven I/O, the fifth I/O model of UNIX Network Programming. We ask the kernel
// to send us SIGIO whenever something happens on our sockets (F_SETOWN + O_ASYNC), and
// sleep in pause() until a signal comes. Its limits show up at once: the signal says
// that something happened, not on which socket nor what (data? room to send? the peer
// closing?), so the handler can only note it and the program must try every socket
// until EAGAIN; and a SIGIO that is already pending is not queued again, so several
// arrivals can produce a single signal.
import { type Sys, type World, AF_INET, SOCK_STREAM, O_ASYNC, O_NONBLOCK, F_SETOWN, F_SETFL, SIGIO, us, ms } from 'inside-io';

export const world: World = {
  cpus: 2,
  until: ms(5),
  clients: [{ count: 2, port: 8080, requests: 3, requestSize: 100, idle: us(300), think: us(200) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 8);

  let signals = 0;
  await sys.signal(SIGIO, () => {
    signals++; // runs on our thread, between two system calls; it cannot know which socket
  });

  const socks = [await sys.accept(listener), await sys.accept(listener)];
  const pid = await sys.getpid();
  for (const s of socks) {
    await sys.fcntl(s, F_SETOWN, pid); // send SIGIO to us...
    await sys.fcntl(s, F_SETFL, O_ASYNC | O_NONBLOCK); // ...whenever this socket wakes up
  }

  const buf = new Uint8Array(512);
  let requests = 0;
  while (requests < 6) {
    await sys.pause(); // returns (EINTR) after the SIGIO handler has run
    for (const s of socks) {
      // Which socket was it? No way to tell: read each one until EAGAIN.
      for (let n = await sys.recv(s, buf); n > 0; n = await sys.recv(s, buf)) {
        requests++;
        await sys.send(s, buf, n);
      }
    }
  }
  await sys.write(1, `${requests} requests, ${signals} SIGIO signals\n`);
}
