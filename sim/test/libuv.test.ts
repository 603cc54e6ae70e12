import { describe, it, expect } from 'vitest';
import {
  run, ms, us, O_RDONLY, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, UvLoop, Reactor, UV_EOF, type RunResult,
} from 'inside-io';
import { sim, syscalls } from './helpers.js';

const markers = (r: RunResult) => r.events.filter((e) => e.cat === 'note' && e.detail?.source === 'trace_marker').map((e) => e.name);

describe('the libuv event loop', () => {
  it('runs its phases in libuv order: pending, idle, prepare, poll, check, close, then timers', async () => {
    const log: string[] = [];
    const r = await sim(async (sys) => {
      const loop = new UvLoop(sys);
      const t = loop.timer();
      t.start(() => void log.push('timer'), 2);
      const idle = loop.idle();
      idle.start(() => {
        log.push('idle');
        idle.stop();
      });
      const prep = loop.prepare();
      prep.start(() => {
        log.push('prepare');
        prep.stop();
      });
      const check = loop.check();
      check.start(() => {
        log.push('check');
        check.close(() => void log.push('close'));
      });
      await loop.run();
    });
    expect(log).toEqual(['idle', 'prepare', 'check', 'close', 'timer']);
    // The trace shows the phases as the loop went through them.
    const m = markers(r);
    expect(m.slice(0, 5)).toEqual(['uv: idle', 'uv: prepare', 'uv: poll', 'uv: check', 'uv: close callbacks']);
    expect(m).toContain('uv: timers');
    // With nothing to watch, poll just slept until the timer was due.
    expect(syscalls(r, 'nanosleep').length).toBeGreaterThan(0);
  });

  it('inside an I/O callback, setImmediate always beats setTimeout(0); nextTick and microtasks run right after each callback', async () => {
    const log: string[] = [];
    await sim(async (sys) => {
      const loop = new UvLoop(sys);
      const fd = await sys.open('/f', O_RDONLY);
      await loop.fs_read(fd, new Uint8Array(512), 0, () => {
        log.push('read');
        loop.setTimeout(() => log.push('timeout'), 0);
        loop.setImmediate(() => {
          log.push('immediate');
          loop.queueMicrotask(() => log.push('microtask after immediate'));
        });
        loop.queueMicrotask(() => log.push('microtask'));
        loop.nextTick(() => log.push('nextTick'));
      });
      await loop.run();
    }, { files: { '/f': 'hello' } });
    expect(log).toEqual(['read', 'nextTick', 'microtask', 'immediate', 'microtask after immediate', 'timeout']);
  });

  it('empties the whole microtask queue before a nextTick queued by a promise callback, as Node does', async () => {
    const log: string[] = [];
    await sim(async (sys) => {
      const loop = new UvLoop(sys);
      loop.queueMicrotask(() => {
        log.push('promise 1');
        loop.nextTick(() => log.push('nextTick from promise 1'));
        loop.queueMicrotask(() => log.push('promise 2'));
      });
      loop.nextTick(() => {
        log.push('nextTick');
        loop.nextTick(() => log.push('nextTick from nextTick'));
      });
      await loop.run();
    });
    expect(log).toEqual(['nextTick', 'nextTick from nextTick', 'promise 1', 'promise 2', 'nextTick from promise 1']);
  });

  it('from the main script, timers already due when uv_run starts run before the first check phase', async () => {
    const order = async (startup: number) => {
      const log: string[] = [];
      await sim(async (sys) => {
        const loop = new UvLoop(sys);
        loop.setTimeout(() => log.push('timeout'), 0); // Node makes it 1 ms
        loop.setImmediate(() => log.push('immediate'));
        await sys.compute(startup); // the rest of the main script
        await loop.run();
      });
      return log;
    };
    // A slow start: the timer is due when the loop starts, and uv_run runs due timers first.
    expect(await order(ms(2))).toEqual(['timeout', 'immediate']);
    // A quick start: the first iteration reaches check before the 1 ms are up.
    expect(await order(us(10))).toEqual(['immediate', 'timeout']);
  });

  it('has a thread pool of 4: a fifth simultaneous file read waits for a free worker', async () => {
    const done: number[] = [];
    const r = await sim(async (sys) => {
      const loop = new UvLoop(sys);
      const fd = await sys.open('/big', O_RDONLY);
      for (let i = 0; i < 5; i++) await loop.fs_read(fd, new Uint8Array(4096), i * 262144, () => void done.push(i));
      await loop.run();
    }, { files: { '/big': { size: 2 << 20 } }, disk: { queueDepth: 1 } });
    expect(done.sort()).toEqual([0, 1, 2, 3, 4]);
    const workers = r.threads.filter((t) => t.name === 'libuv-worker');
    expect(workers.length).toBe(4);
    const preads = syscalls(r, 'pread64').sort((a, b) => a.t - b.t);
    expect(preads.length).toBe(5);
    // The first four start together; the fifth only when one of them has finished.
    const firstEnd = Math.min(...preads.slice(0, 4).map((e) => e.t + e.dur));
    expect(preads[3]!.t).toBeLessThan(firstEnd);
    expect(preads[4]!.t).toBeGreaterThanOrEqual(firstEnd);
    expect(preads[4]!.tid).toBe(preads.find((e) => e.t + e.dur === firstEnd)!.tid);
    // Workers hand results back through the async descriptor, read by the loop thread.
    expect(syscalls(r, 'write').filter((e) => workers.some((w) => w.tid === e.tid)).length).toBeGreaterThan(0);
  });

  it('serves TCP over epoll, with write callbacks from the pending phase; a 50 ms callback holds up every connection', async () => {
    const prog = (block: boolean) => async (sys: import('inside-io').Sys) => {
      const loop = new UvLoop(sys, { markPhases: false });
      const server = loop.tcp();
      await server.bind('0.0.0.0', 8000);
      let first = true;
      await server.listen(128, async () => {
        const c = loop.tcp();
        server.accept(c);
        await c.read_start(async (n, data) => {
          if (n === UV_EOF) return c.close();
          if (block && first) {
            first = false;
            await sys.compute(ms(50)); // e.g. JSON.parse of a huge body, or a crypto hash, on the loop thread
          }
          await c.write(data);
        });
      });
      loop.setTimeout(() => loop.stop(), 150);
      await loop.run();
    };
    const w = { until: ms(200), clients: [{ count: 4, port: 8000, requests: 20, requestSize: 64, think: ms(2) }] };
    const quick = await run(prog(false), w);
    const slow = await run(prog(true), w);
    expect(quick.errors).toEqual([]);
    const worst = (r: RunResult) => Math.max(...r.net.groups[0]!.latencies);
    expect(worst(quick)).toBeLessThan(ms(1));
    // While one callback computed, the others' requests waited: about 50 ms each.
    const stalled = slow.net.groups[0]!.latencies.filter((l) => l > ms(40));
    expect(stalled.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the Reactor', () => {
  it('demultiplexes with epoll and dispatches each ready handle to its handler', async () => {
    const r = await run(async (sys) => {
      const reactor = new Reactor(sys);
      const l = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      await sys.bind(l, { addr: '0.0.0.0', port: 9100 });
      await sys.listen(l, 16);
      const buf = new Uint8Array(1024);
      await reactor.register_handler(l, EPOLLIN, async () => {
        for (let c = await sys.accept4(l, null, SOCK_NONBLOCK); c >= 0; c = await sys.accept4(l, null, SOCK_NONBLOCK)) {
          await reactor.register_handler(c, EPOLLIN, async (fd) => {
            const n = await sys.read(fd, buf);
            if (n <= 0) {
              await reactor.remove_handler(fd);
              await sys.close(fd);
            } else await sys.write(fd, buf, n);
          });
        }
      });
      await reactor.run();
    }, { until: ms(10), clients: [{ count: 3, port: 9100, requests: 4, requestSize: 50, think: us(100) }] });
    expect(r.errors).toEqual([]);
    expect(r.net.groups[0]!.responses).toBe(12);
    expect(syscalls(r, 'epoll_wait').length).toBeGreaterThan(3);
  });
});
