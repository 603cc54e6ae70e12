// The same server with poll(): an array of { fd, events, revents } instead of
// bitmaps. The kernel writes only revents, so the array is kept between calls, and
// there is no FD_SETSIZE. But every call still copies the whole array in, polls every
// entry and registers on every wait queue, however few are ready.
// @expect-stop time
import { type Sys, type World, type PollFd, AF_INET, SOCK_STREAM, POLLIN, ms, us } from 'inside-io';

export const world: World = {
  until: ms(30),
  clients: [{ count: 100, port: 8080, every: us(100), active: 0.1, requests: Infinity, requestSize: 100, think: ms(1) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  // Entry 0 is the listener; the others are connections.
  const fds: PollFd[] = [{ fd: listener, events: POLLIN, revents: 0 }];
  const buf = new Uint8Array(4096);

  for (;;) {
    await sys.poll(fds, fds.length, -1); // -1: wait as long as it takes

    for (const p of fds.slice(1)) {
      if (!(p.revents & POLLIN)) continue;
      const n = await sys.read(p.fd, buf);
      if (n > 0) await sys.write(p.fd, buf, n);
      else {
        await sys.close(p.fd);
        fds.splice(fds.indexOf(p), 1);
      }
    }
    if (fds[0]!.revents & POLLIN) fds.push({ fd: await sys.accept(listener), events: POLLIN, revents: 0 });
  }
}
