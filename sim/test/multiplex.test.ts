import { describe, it, expect } from 'vitest';
import {
  AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLLEXCLUSIVE, EPOLL_CTL_ADD, FdSet, FD_SET, FD_ISSET, FD_SETSIZE, POLLIN,
  RLIMIT_NOFILE, formatStrace, ms, us, type Sys, type EpollEvent,
} from 'inside-io';
import { sim, outcomes } from './helpers.js';

/** Threads that each wait in epoll_wait on their own epoll instance watching one listener. */
async function herd(exclusive: boolean) {
  return sim(async (sys: Sys) => {
    const l = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
    await sys.bind(l, { addr: '127.0.0.1', port: 9000 });
    await sys.listen(l, 16);
    const workers: number[] = [];
    for (let i = 0; i < 4; i++) {
      workers.push(
        await sys.pthread_create(async (w: Sys) => {
          const ep = await w.epoll_create1(0);
          await w.epoll_ctl(ep, EPOLL_CTL_ADD, l, { events: EPOLLIN | (exclusive ? EPOLLEXCLUSIVE : 0), data: l });
          const evs: EpollEvent[] = [];
          if ((await w.epoll_wait(ep, evs, 8, 5)) > 0) await w.accept(l); // 5 ms, then give up
        }, `worker ${i}`),
      );
    }
    await sys.nanosleep(ms(1));
    const c = await sys.socket(AF_INET, SOCK_STREAM);
    await sys.connect(c, { addr: '127.0.0.1', port: 9000 });
    for (const t of workers) await sys.pthread_join(t);
  }, { cpus: 4 });
}

describe('multiplexing: what the differential tests cannot pin down', () => {
  it('the thundering herd: one connection wakes every epoll watching the listener; with EPOLLEXCLUSIVE only one', async () => {
    const all = await herd(false);
    const one = await herd(true);
    // wake_up events of the worker threads (not their timeouts).
    const woken = (r: Awaited<ReturnType<typeof herd>>) => r.events.filter((e) => e.cat === 'wakeup' && e.name === 'wake_up' && e.tid !== 1).length;
    expect(woken(all)).toBe(4);
    // Only one gets the connection: the others find nothing, in accept() or already in epoll_wait's re-poll.
    expect(outcomes(all, ['accept']).filter((o) => o !== 'accept=-1 EAGAIN')).toHaveLength(1);
    expect(woken(one)).toBe(1);
    expect(one.events.filter((e) => e.name === 'epoll_wait' && e.cat === 'syscall' && e.ret === 0)).toHaveLength(3);
  });

  it('threads blocked in accept() are woken one per connection (exclusive waits)', async () => {
    const r = await sim(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '127.0.0.1', port: 9001 });
      await sys.listen(l, 16);
      for (let i = 0; i < 3; i++) await sys.pthread_create(async (w: Sys) => void (await w.accept(l)));
      await sys.nanosleep(us(100));
      const c = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.connect(c, { addr: '127.0.0.1', port: 9001 });
      await sys.nanosleep(ms(1));
      await sys.exit(0);
    });
    expect(r.events.filter((e) => e.cat === 'wakeup' && e.tid !== 1)).toHaveLength(1);
  });

  it('an fd_set holds descriptors below FD_SETSIZE: FD_SET past it fails loudly, as glibc aborts', async () => {
    expect(FD_SETSIZE).toBe(1024);
    const set = new FdSet();
    expect(() => FD_SET(1024, set)).toThrow(/bit out of range 0 - FD_SETSIZE on fd_set/);
    expect(() => FD_SET(-1, set)).toThrow(RangeError);
    const big = new FdSet(2048);
    FD_SET(1500, big);
    expect(FD_ISSET(1500, big)).toBe(true);
  });

  it('select() with nfds beyond what the set holds is EFAULT (in C the kernel would read past it)', async () => {
    const r = await sim(async (sys) => {
      await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 4096, rlim_max: 524_288 });
      const p = [0, 0];
      await sys.pipe(p);
      await sys.dup2(p[0]!, 2000); // the descriptor table grows to 2048
      const set = new FdSet();
      FD_SET(p[0]!, set);
      await sys.select(2001, set, null, null, { tv_sec: 0, tv_usec: 0 });
    });
    expect(outcomes(r, ['select'])).toEqual(['select=-1 EFAULT']);
    expect(r.events.some((e) => e.name === 'hint' && /reads 2001 bits/.test(String(e.detail?.message)))).toBe(true);
  });

  it('poll() with more entries than RLIMIT_NOFILE is EINVAL', async () => {
    const r = await sim(async (sys) => {
      const fds = Array.from({ length: 1025 }, () => ({ fd: -1, events: POLLIN, revents: 0 }));
      await sys.poll(fds, fds.length, 0);
    });
    expect(outcomes(r, ['poll'])).toEqual(['poll=-1 EINVAL']);
  });

  it('strace shows select, poll and epoll as strace does', async () => {
    const r = await sim(async (sys) => {
      const p = [0, 0];
      await sys.pipe(p); // 3, 4
      const q = [0, 0];
      await sys.pipe(q); // 5, 6
      await sys.write(p[1]!, 'x');
      const rd = new FdSet();
      FD_SET(3, rd);
      FD_SET(5, rd);
      await sys.select(6, rd, new FdSet(), null, null);
      await sys.poll([{ fd: 3, events: POLLIN, revents: 0 }, { fd: 5, events: POLLIN, revents: 0 }], 2, 0);
      const ep = await sys.epoll_create1(0);
      await sys.epoll_ctl(ep, EPOLL_CTL_ADD, 3, { events: EPOLLIN, data: 3 });
      await sys.epoll_wait(ep, [], 64, -1);
      await sys.epoll_wait(ep, [], 64, 0);
      await sys.select(6, new FdSet(), null, null, { tv_sec: 0, tv_usec: 1000 });
    });
    const lines = formatStrace(r.events).split('\n').map((l) => l.replace(/^\[pid +\d+\] [\d.]+ /, '').replace(/ <[\d.]+>$/, ''));
    expect(lines).toContain('select(6, [3 5], [], NULL, NULL) = 1 (in [3])');
    expect(lines).toContain('poll([{fd=3, events=POLLIN}, {fd=5, events=POLLIN}], 2, 0) = 1 ([{fd=3, revents=POLLIN}])');
    expect(lines).toContain('epoll_ctl(7, EPOLL_CTL_ADD, 3, {events=EPOLLIN, data={u32=3, u64=3}}) = 0');
    expect(lines).toContain('epoll_wait(7, [{events=EPOLLIN, data={u32=3, u64=3}}], 64, -1) = 1');
    expect(lines).toContain('select(6, [], NULL, NULL, {tv_sec=0, tv_usec=1000}) = 0 (Timeout)');
  });
});
