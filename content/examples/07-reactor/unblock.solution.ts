// A solution: a worker thread does the slow job. The loop hands it over with one byte
// on a pipe and goes back to epoll_wait(); the worker answers through a second pipe that
// the loop watches, and the loop sends the answer.
// @expect-stop time
import {
  type Sys, type World, type EpollEvent, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, O_NONBLOCK,
  EPOLLIN, EPOLL_CTL_ADD, EPOLL_CTL_DEL, ms, us, text,
} from 'inside-io';

export const world: World = {
  until: ms(60),
  clients: [{ count: 10, port: 8080, start: us(100), every: us(100), requests: Infinity, think: ms(1) }],
};

const todo: { conn: number; data: Uint8Array }[] = [];
const done: { conn: number; data: Uint8Array }[] = [];

export async function main(sys: Sys) {
  const jobs = [0, 0];
  const wake = [0, 0];
  await sys.pipe(jobs);
  await sys.pipe2(wake, O_NONBLOCK);
  await sys.pthread_create(async (t: Sys) => {
    const one = new Uint8Array(1);
    for (;;) {
      await t.read(jobs[0]!, one);
      const job = todo.shift()!;
      await t.compute(ms(50)); // the slow job, on this thread
      done.push(job);
      await t.write(wake[1]!, 'x');
    }
  }, 'worker');

  const ep = await sys.epoll_create1(0);
  const handlers = new Map<number, () => Promise<void>>();
  const buf = new Uint8Array(4096);

  async function onRequest(conn: number) {
    const n = await sys.read(conn, buf);
    if (n <= 0) {
      handlers.delete(conn);
      await sys.epoll_ctl(ep, EPOLL_CTL_DEL, conn, null);
      await sys.close(conn);
      return;
    }
    if (text(buf, n).startsWith('request 3 from client 0\n')) {
      todo.push({ conn, data: buf.slice(0, n) });
      await sys.write(jobs[1]!, 'j');
      return;
    }
    await sys.compute(us(20));
    await sys.write(conn, buf, n);
  }

  handlers.set(wake[0]!, async () => {
    while ((await sys.read(wake[0]!, buf)) > 0);
    for (let job = done.shift(); job; job = done.shift()) await sys.write(job.conn, job.data);
  });
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, wake[0]!, { events: EPOLLIN, data: wake[0]! });

  const listener = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(listener, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(listener, 128);
  handlers.set(listener, async () => {
    const conn = await sys.accept4(listener, null, SOCK_NONBLOCK);
    if (conn < 0) return;
    handlers.set(conn, () => onRequest(conn));
    await sys.epoll_ctl(ep, EPOLL_CTL_ADD, conn, { events: EPOLLIN, data: conn });
  });
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, listener, { events: EPOLLIN, data: listener });

  const events: EpollEvent[] = [];
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) await handlers.get(events[i]!.data)?.();
  }
}
