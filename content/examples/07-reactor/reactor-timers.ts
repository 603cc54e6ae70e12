// Step 3 of the Reactor: time. A server must also act when nothing happens: here it
// closes connections that have been silent for IDLE. There is no timer system call in
// the loop; epoll_wait()'s timeout does the job. Before each wait the Reactor computes
// how long until the nearest deadline and sleeps at most that long; after the I/O
// handlers it runs whatever is due. libuv computes its poll timeout the same way.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms,
} from 'inside-io';

const IDLE = ms(3);

export const world: World = {
  until: ms(8),
  // Four clients: two send a request every millisecond, two connect and say nothing.
  clients: [{ count: 4, port: 8080, active: 0.5, requests: Infinity, think: ms(1) }],
};

export async function main(sys: Sys) {
  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, () => Promise<void>>();
  const deadlines = new Map<number, number>(); // connection → when it will be closed if silent

  // The poll timeout: milliseconds until the nearest deadline, rounded up; -1 (no limit) if none.
  function pollTimeout(): number {
    if (deadlines.size === 0) return -1;
    const nearest = Math.min(...deadlines.values());
    return Math.max(0, Math.ceil((nearest - sys.clock_gettime()) / 1e6));
  }

  async function drop(conn: number) {
    handlers.delete(conn);
    deadlines.delete(conn);
    await sys.epoll_ctl(ep, EPOLL_CTL_DEL, conn, null);
    await sys.close(conn);
  }

  const buf = new Uint8Array(4096);
  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  handlers.set(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn < 0) return;
    deadlines.set(conn, sys.clock_gettime() + IDLE);
    handlers.set(conn, async () => {
      const n = await sys.read(conn, buf);
      if (n <= 0) return drop(conn);
      deadlines.set(conn, sys.clock_gettime() + IDLE); // it spoke: postpone its deadline
      await sys.write(conn, buf, n);
    });
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN, data: conn });
  });
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });

  const events: EpollEvent[] = [];
  for (;;) {
    // 1. Wait for I/O, but no longer than until the nearest deadline.
    const n = await sys.epoll_wait(ep, events, 64, pollTimeout());
    // 2. Dispatch the I/O events.
    for (let i = 0; i < n; i++) await handlers.get(events[i]!.data)?.();
    // 3. Run the timers that are due: close the connections that stayed silent.
    const now = sys.clock_gettime();
    for (const [conn, deadline] of deadlines) {
      if (deadline > now) continue;
      await drop(conn);
      await sys.write(1, `closed connection ${conn}: silent for ${((now - deadline + IDLE) / 1e6).toFixed(2)} ms\n`);
    }
  }
}
