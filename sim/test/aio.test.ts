import { describe, it, expect } from 'vitest';
import {
  IOCB_CMD_PREAD, IOCB_CMD_NOOP, RWF_NOWAIT, O_RDONLY, O_DIRECT, EAGAIN, EINVAL, EBADF, text, us, ms,
  type IoEvent, type Iocb, type Sys,
} from 'inside-io';
import { sim, syscalls } from './helpers.js';

const files = { '/data/f': { size: 1 << 20 } };
const pread = (fd: number, buf: Uint8Array, offset: number, data = 0): Iocb => ({ aio_lio_opcode: IOCB_CMD_PREAD, aio_fildes: fd, aio_buf: buf, aio_nbytes: buf.length, aio_offset: offset, aio_data: data });

describe('Linux AIO', () => {
  it('is asynchronous for O_DIRECT: io_submit returns at once, io_getevents waits for the disk', async () => {
    const r = await sim(async (sys) => {
      const ctx = { ctx: 0 };
      expect(await sys.io_setup(8, ctx)).toBe(0);
      const fd = await sys.open('/data/f', O_RDONLY | O_DIRECT);
      const bufs = [0, 1, 2, 3].map(() => new Uint8Array(4096));
      // Four adjacent blocks in one io_submit: the plug merges them into one request.
      expect(await sys.io_submit(ctx.ctx, 4, bufs.map((b, i) => pread(fd, b, i * 4096, 100 + i)))).toBe(4);
      await sys.compute(us(20)); // the program goes on working
      const events: IoEvent[] = [];
      expect(await sys.io_getevents(ctx.ctx, 4, 8, events)).toBe(4);
      expect(events.map((e) => [e.data, e.res])).toEqual([[100, 4096], [101, 4096], [102, 4096], [103, 4096]]);
      expect(text(bufs[3]!, 8)).toBe('0000192 ');
      expect(await sys.io_destroy(ctx.ctx)).toBe(0);
    }, { files });
    const [submit] = syscalls(r, 'io_submit');
    const [getevents] = syscalls(r, 'io_getevents');
    expect(submit!.dur).toBeLessThan(10_000);
    expect(getevents!.dur).toBeGreaterThan(r.costs.diskLatency - us(20));
    const dev = r.events.filter((e) => e.cat === 'device');
    expect(dev.length).toBe(1);
    expect(dev[0]!.detail?.bios).toBe(4);
    expect(r.events.find((e) => e.cat === 'wait' && e.tid === 1)!.name).toBe('read_events');
  });

  it('blocks inside io_submit for a buffered file, exactly like read() would', async () => {
    const r = await sim(async (sys) => {
      const ctx = { ctx: 0 };
      await sys.io_setup(8, ctx);
      const fd = await sys.open('/data/f', O_RDONLY); // no O_DIRECT
      expect(await sys.io_submit(ctx.ctx, 1, [pread(fd, new Uint8Array(4096), 0)])).toBe(1);
      const events: IoEvent[] = [];
      expect(await sys.io_getevents(ctx.ctx, 1, 1, events, { tv_sec: 0, tv_nsec: 0 })).toBe(1); // already there
      expect(events[0]!.res).toBe(4096);
    }, { files });
    const [submit] = syscalls(r, 'io_submit');
    expect(submit!.dur).toBeGreaterThan(r.costs.diskLatency);
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('folio_wait_locked');
    expect(wait.t).toBeGreaterThan(submit!.t);
    expect(wait.t + wait.dur).toBeLessThan(submit!.t + submit!.dur);
  });

  it('with RWF_NOWAIT a buffered read that would block completes with EAGAIN instead', async () => {
    await sim(async (sys) => {
      const ctx = { ctx: 0 };
      await sys.io_setup(8, ctx);
      const fd = await sys.open('/data/f', O_RDONLY);
      const cb = { ...pread(fd, new Uint8Array(4096), 0), aio_rw_flags: RWF_NOWAIT };
      expect(await sys.io_submit(ctx.ctx, 1, [cb])).toBe(1);
      const events: IoEvent[] = [];
      await sys.io_getevents(ctx.ctx, 1, 1, events);
      expect(events[0]!.res).toBe(-EAGAIN);
    }, { files });
  });

  it('refuses bad requests at submission, as io_submit_one does', async () => {
    await sim(async (sys: Sys) => {
      const ctx = { ctx: 0 };
      await sys.io_setup(2, ctx);
      expect(await sys.io_submit(ctx.ctx, 1, [pread(99, new Uint8Array(8), 0)])).toBe(-1);
      expect(sys.errno).toBe(EBADF);
      expect(await sys.io_submit(12345, 1, [])).toBe(-1);
      expect(sys.errno).toBe(EINVAL);
      // NOOPs complete at once; the third does not fit in a context of 2 and is not taken.
      const noop = { aio_lio_opcode: IOCB_CMD_NOOP } as Iocb;
      expect(await sys.io_submit(ctx.ctx, 3, [noop, noop, noop])).toBe(2);
      const events: IoEvent[] = [];
      expect(await sys.io_getevents(ctx.ctx, 0, 8, events, { tv_sec: 0, tv_nsec: 0 })).toBe(2);
      expect(await sys.io_getevents(ctx.ctx, 1, 8, events, { tv_sec: 0, tv_nsec: ms(1) })).toBe(0); // timed out
    });
  });
});
