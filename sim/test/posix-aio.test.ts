import { describe, it, expect } from 'vitest';
import { text, ms, O_RDONLY, EINPROGRESS, EAGAIN, SIGEV_THREAD, type Aiocb } from 'inside-io';
import { sim, syscalls } from './helpers.js';

const files = { '/data/f': { size: 4 << 20 } };

describe('POSIX AIO (glibc, in user space)', () => {
  it('hands each request to a helper thread that does a blocking pread; aio_error/aio_return make no system call', async () => {
    const r = await sim(async (sys) => {
      // Three descriptors (glibc gives each descriptor at most one helper at a time).
      const fds = [await sys.open('/data/f', O_RDONLY), await sys.open('/data/f', O_RDONLY), await sys.open('/data/f', O_RDONLY)];
      const cbs: Aiocb[] = [0, 1, 2].map((i) => ({ aio_fildes: fds[i]!, aio_offset: i * 262144, aio_buf: new Uint8Array(4096), aio_nbytes: 4096 }));
      for (const cb of cbs) expect(await sys.aio_read(cb)).toBe(0);
      expect(cbs.map((cb) => sys.aio_error(cb))).toEqual([EINPROGRESS, EINPROGRESS, EINPROGRESS]);
      for (const cb of cbs) {
        while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]);
        expect(sys.aio_return(cb)).toBe(4096);
      }
      expect(text(cbs[2]!.aio_buf, 8)).toBe('0008192 ');
    }, { files });
    const helpers = r.threads.filter((t) => t.name === 'aio helper');
    expect(helpers.length).toBe(3);
    // The kernel sees ordinary blocking reads, one per helper thread, asleep waiting for the disk.
    const preads = syscalls(r, 'pread64');
    expect(preads.map((e) => e.tid).sort()).toEqual(helpers.map((t) => t.tid).sort());
    for (const h of helpers) expect(r.events.some((e) => e.cat === 'wait' && e.tid === h.tid && e.name === 'folio_wait_locked')).toBe(true);
    // The main thread waited in futex (aio_suspend), and made no read itself.
    expect(syscalls(r).filter((e) => e.tid === 1).map((e) => e.name)).not.toContain('pread64');
    expect(syscalls(r, 'futex').some((e) => e.tid === 1 && e.args![1] === 'FUTEX_WAIT_PRIVATE')).toBe(true);
  });

  it('uses at most 20 helper threads; idle ones wait a second for work, then exit', async () => {
    const r = await sim(async (sys) => {
      const fds: number[] = [];
      for (let i = 0; i < 25; i++) fds.push(await sys.open('/data/f', O_RDONLY));
      const cbs: Aiocb[] = Array.from({ length: 25 }, (_, i) => ({ aio_fildes: fds[i]!, aio_offset: i * 131072, aio_buf: new Uint8Array(512), aio_nbytes: 512 }));
      for (const cb of cbs) await sys.aio_read(cb);
      for (const cb of cbs) while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]);
      expect(cbs.every((cb) => sys.aio_return(cb) === 512)).toBe(true);
      // A later request reuses an idle helper: no new thread.
      const late: Aiocb = { aio_fildes: fds[0]!, aio_offset: 0, aio_buf: new Uint8Array(512), aio_nbytes: 512 };
      await sys.aio_read(late);
      while (sys.aio_error(late) === EINPROGRESS) await sys.aio_suspend([late]);
      await sys.nanosleep(ms(1200));
    }, { files, until: ms(2000), disk: { kind: 'hdd' } }); // a slow disk: every helper is busy when the next request comes
    expect(r.threads.filter((t) => t.name === 'aio helper').length).toBe(20);
    expect(r.events.filter((e) => e.name === 'thread exit' && e.tid !== 1).length).toBe(20);
  });

  it('runs the requests of one descriptor one at a time, on one helper thread', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/f', O_RDONLY);
      const cbs: Aiocb[] = [0, 1, 2, 3].map((i) => ({ aio_fildes: fd, aio_offset: i * 524288, aio_buf: new Uint8Array(4096), aio_nbytes: 4096 }));
      for (const cb of cbs) expect(await sys.aio_read(cb)).toBe(0);
      for (const cb of cbs) while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]);
      expect(cbs.map((cb) => sys.aio_return(cb))).toEqual([4096, 4096, 4096, 4096]);
      expect(text(cbs[3]!.aio_buf, 8)).toBe('0024576 ');
    }, { files });
    const helpers = r.threads.filter((t) => t.name === 'aio helper');
    expect(helpers.length).toBe(1);
    // The four preads follow one another: each starts after the previous returned.
    const preads = syscalls(r, 'pread64');
    expect(preads.length).toBe(4);
    for (let i = 1; i < 4; i++) expect(preads[i]!.t).toBeGreaterThanOrEqual(preads[i - 1]!.t + preads[i - 1]!.dur);
    expect(r.events.filter((e) => e.cat === 'device').length).toBe(4);
  });

  it('aio_suspend times out with EAGAIN, and SIGEV_THREAD runs the notification in a new thread', async () => {
    let notified: unknown = null;
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/f', O_RDONLY);
      const cb: Aiocb = {
        aio_fildes: fd, aio_offset: 0, aio_buf: new Uint8Array(4096), aio_nbytes: 4096,
        aio_sigevent: { sigev_notify: SIGEV_THREAD, sigev_value: 'job 7', sigev_notify_function: (_t, v) => (notified = v) },
      };
      await sys.aio_read(cb);
      expect(await sys.aio_suspend([cb], 1, 10_000)).toBe(-1);
      expect(sys.errno).toBe(EAGAIN);
      while (sys.aio_error(cb) === EINPROGRESS) await sys.aio_suspend([cb]);
      await sys.nanosleep(ms(1));
    }, { files });
    expect(notified).toBe('job 7');
    expect(r.threads.some((t) => t.name === 'aio notify')).toBe(true);
  });
});
