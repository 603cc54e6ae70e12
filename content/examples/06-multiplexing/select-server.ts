// One thread serves every connection with select(). Each call hands the kernel
// bitmaps of descriptors (fd_sets); the kernel copies them in, calls ->poll on every
// descriptor below nfds, puts the thread on every one's wait queue, sleeps, and hands
// the bitmaps back with only the ready descriptors left. Then it forgets everything:
// the next call starts again from scratch.
// @expect-stop time
import { type Sys, type World, AF_INET, SOCK_STREAM, FdSet, FD_SET, FD_ISSET, ms, us } from 'inside-io';

// 100 clients connect over 10 ms; one in ten sends a request every millisecond,
// the others stay connected and silent.
export const world: World = {
  until: ms(30),
  clients: [{ count: 100, port: 8080, every: us(100), active: 0.1, requests: Infinity, requestSize: 100, think: ms(1) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  const clients = new Set<number>();
  const buf = new Uint8Array(4096);

  for (;;) {
    // select() overwrites the set, so it is built again before every call.
    const readfds = new FdSet();
    FD_SET(listener, readfds);
    let maxfd = listener;
    for (const fd of clients) {
      FD_SET(fd, readfds);
      maxfd = Math.max(maxfd, fd);
    }
    await sys.select(maxfd + 1, readfds, null, null, null); // sleeps until one is ready

    if (FD_ISSET(listener, readfds)) clients.add(await sys.accept(listener));
    for (const fd of clients) {
      if (!FD_ISSET(fd, readfds)) continue;
      const n = await sys.read(fd, buf); // ready: this read will not block
      if (n > 0) await sys.write(fd, buf, n);
      else {
        await sys.close(fd);
        clients.delete(fd);
      }
    }
  }
}
