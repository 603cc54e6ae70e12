// The epoll server, edge-triggered (EPOLLET). A descriptor is reported once when data
// arrives, not again while data remains, so on each event the server must read until
// read() says EAGAIN; for that every descriptor must be non-blocking. In return the
// kernel does not put reported descriptors back on the ready list.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLLET, EPOLL_CTL_ADD, EAGAIN, ms, us,
} from 'inside-io';

export const world: World = {
  until: ms(30),
  clients: [{ count: 100, port: 8080, every: us(100), active: 0.1, requests: Infinity, requestSize: 100, think: ms(1) }],
};

export async function main(sys: Sys) {
  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  const ep = await sys.epoll_create1(0);
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN | EPOLLET, data: listener });
  const events: EpollEvent[] = [];
  const buf = new Uint8Array(64); // small on purpose: a 100-byte request takes two reads

  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) {
      const fd = events[i]!.data;
      if (fd === listener) {
        // Accept every waiting connection: there will be no second event for them.
        for (;;) {
          const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
          if (conn < 0) break; // EAGAIN: none left
          await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN | EPOLLET, data: conn });
        }
        continue;
      }
      // Read until EAGAIN: what is left now will not be reported again.
      for (;;) {
        const m = await sys.read(fd, buf);
        if (m > 0) {
          await sys.write(fd, buf, m);
          continue;
        }
        if (m < 0 && sys.errno === EAGAIN) break;
        await sys.close(fd); // 0: the client closed (or an error)
        break;
      }
    }
  }
}
