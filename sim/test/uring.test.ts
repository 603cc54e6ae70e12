import { describe, it, expect } from 'vitest';
import {
  run, computeStats, text, us, ms, O_RDONLY, O_WRONLY, O_CREAT, O_DIRECT, AF_INET, SOCK_STREAM, EBADF, EINVAL,
  IORING_SETUP_SQPOLL, IORING_SQ_NEED_WAKEUP, io_uring_prep_read, io_uring_prep_write, io_uring_prep_fsync,
  io_uring_prep_nop, io_uring_prep_accept, io_uring_prep_recv, io_uring_prep_send, type IoUring, type Sys,
} from 'inside-io';
import { sim, syscalls } from './helpers.js';

const files = { '/data/f': { size: 1 << 20 } };

async function drain(ring: IoUring, n: number): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  while (out.size < n) {
    const c = (await ring.wait_cqe())!;
    out.set(c.user_data, c.res);
    ring.cqe_seen(c);
  }
  return out;
}

describe('io_uring', () => {
  it('completes reads asynchronously: io_uring_enter submits without sleeping, the CQEs come after the disk', async () => {
    const r = await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(8))!;
      const fd = await sys.open('/data/f', O_RDONLY);
      const direct = await sys.open('/data/f', O_RDONLY | O_DIRECT);
      const bufs = [0, 1, 2].map(() => new Uint8Array(4096));
      io_uring_prep_read(ring.get_sqe()!, fd, bufs[0]!, 4096, 0);
      ring.sq.array[0]!.user_data = 10;
      const s1 = ring.get_sqe()!;
      io_uring_prep_read(s1, direct, bufs[1]!, 4096, 65536);
      s1.user_data = 11;
      const s2 = ring.get_sqe()!;
      io_uring_prep_nop(s2);
      s2.user_data = 12;
      expect(await ring.submit()).toBe(3);
      const res = await drain(ring, 3);
      expect([...res.entries()].sort()).toEqual([[10, 4096], [11, 4096], [12, 0]]);
      expect(text(bufs[0]!, 8)).toBe('0000000 ');
      expect(text(bufs[1]!, 8)).toBe('0001024 ');
    }, { files });
    const [submit] = syscalls(r, 'io_uring_enter');
    expect(submit!.args![1]).toBe('3');
    expect(submit!.dur).toBeLessThan(20_000);
    expect(r.events.some((e) => e.cat === 'wait' && e.t >= submit!.t && e.t < submit!.t + submit!.dur)).toBe(false);
    expect(r.events.filter((e) => e.cat === 'wait' && e.tid === 1).every((e) => e.name === 'io_cqring_wait')).toBe(true);
  });

  it('with SQPOLL, a steady stream of requests costs no system calls', async () => {
    const r = await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(64, { flags: IORING_SETUP_SQPOLL, sq_thread_idle: 10 }))!;
      const fd = await sys.open('/data/f', O_RDONLY);
      const buf = new Uint8Array(4096);
      let inflight = 0;
      let sent = 0;
      for (let done = 0; done < 300; ) {
        while (inflight < 16 && sent < 300) {
          const sqe = ring.get_sqe()!;
          io_uring_prep_read(sqe, fd, buf, 4096, (sent % 256) * 4096);
          sqe.user_data = sent++;
          inflight++;
        }
        await ring.submit();
        const c = (await ring.wait_cqe())!;
        expect(c.res).toBe(4096);
        ring.cqe_seen(c);
        inflight--;
        done++;
        await sys.compute(us(2)); // the program's own work per request
      }
    }, { cpus: 2, files: { '/data/f': { size: 1 << 20, cached: true } } });
    // At most the very first wait enters the kernel; 300 requests go through the rings alone.
    expect(syscalls(r, 'io_uring_enter').length).toBeLessThanOrEqual(1);
    const sqp = r.threads.find((t) => t.name === 'iou-sqp-1')!;
    const polling = r.events.filter((e) => e.cat === 'kernel' && e.tid === sqp.tid);
    expect(polling.some((e) => e.name === 'io_sq_thread polling')).toBe(true);
    expect(computeStats(r).syscalls).toBeLessThan(8);
  });

  it('the SQPOLL thread sleeps after sq_thread_idle and sets NEED_WAKEUP; io_uring_enter(SQ_WAKEUP) wakes it', async () => {
    let sawFlag = false;
    const r = await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(8, { flags: IORING_SETUP_SQPOLL, sq_thread_idle: 1 }))!;
      await sys.nanosleep(ms(3));
      sawFlag = (ring.sq.flags & IORING_SQ_NEED_WAKEUP) !== 0;
      io_uring_prep_nop(ring.get_sqe()!);
      await ring.submit();
      const c = await ring.wait_cqe();
      expect(c!.res).toBe(0);
    });
    expect(sawFlag).toBe(true);
    const enters = syscalls(r, 'io_uring_enter');
    expect(enters[0]!.args![3]).toMatch(/IORING_ENTER_SQ_WAKEUP/);
    const sqp = r.threads.find((t) => t.name === 'iou-sqp-1')!;
    const sleep = r.events.find((e) => e.cat === 'wait' && e.tid === sqp.tid)!;
    expect(sleep.name).toBe('io_sq_thread');
    expect(sleep.t).toBeGreaterThanOrEqual(ms(1));
  });

  it('hands fsync and buffered writes to io-wq worker threads', async () => {
    const r = await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(8))!;
      const fd = await sys.open('/out', O_WRONLY | O_CREAT);
      const w = ring.get_sqe()!;
      io_uring_prep_write(w, fd, new TextEncoder().encode('hello'), 5, 0);
      w.user_data = 1;
      await ring.submit();
      expect((await drain(ring, 1)).get(1)).toBe(5);
      const s = ring.get_sqe()!;
      io_uring_prep_fsync(s, fd);
      s.user_data = 2;
      await ring.submit();
      expect((await drain(ring, 1)).get(2)).toBe(0);
    });
    const worker = r.threads.find((t) => t.name === 'iou-wrk-1')!;
    expect(r.events.some((e) => e.cat === 'wait' && e.tid === worker.tid && e.name === 'folio_wait_writeback')).toBe(true);
    expect(r.events.some((e) => e.cat === 'device' && e.name.startsWith('WRITE'))).toBe(true);
  });

  it('reports bad requests in their CQE', async () => {
    await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(4))!;
      const a = ring.get_sqe()!;
      io_uring_prep_read(a, 42, new Uint8Array(8), 8, 0);
      a.user_data = 1;
      const b = ring.get_sqe()!;
      b.opcode = 200;
      b.fd = 0;
      b.user_data = 2;
      await ring.submit();
      const res = await drain(ring, 2);
      expect(res.get(1)).toBe(-EBADF);
      expect(res.get(2)).toBe(-EINVAL);
      expect(await sys.io_uring_enter(0, 0, 0, 0)).toBe(-1); // not a ring
    });
  });

  it('serves TCP clients: accept, recv and send complete through the ring (fast poll)', async () => {
    const server = async (sys: Sys) => {
      const lfd = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(lfd, { addr: '0.0.0.0', port: 7000 });
      await sys.listen(lfd, 16);
      const ring = (await sys.io_uring_queue_init(32))!;
      const bufs = new Map<number, Uint8Array>();
      const accept = () => {
        io_uring_prep_accept(ring.get_sqe()!, lfd);
        ring.sq.array[(ring.sq.tail + ring.sq_ready - 1) & ring.sq.ring_mask]!.user_data = 1;
      };
      const recv = (fd: number) => {
        const sqe = ring.get_sqe()!;
        io_uring_prep_recv(sqe, fd, bufs.get(fd)!, 512);
        sqe.user_data = fd * 4 + 2;
      };
      accept();
      for (;;) {
        await ring.submit();
        const c = (await ring.wait_cqe())!;
        ring.cqe_seen(c);
        const kind = c.user_data % 4;
        const fd = Math.floor(c.user_data / 4);
        if (kind === 1) {
          bufs.set(c.res, new Uint8Array(512));
          recv(c.res);
          accept();
        } else if (kind === 2) {
          if (c.res <= 0) await sys.close(fd);
          else {
            const sqe = ring.get_sqe()!;
            io_uring_prep_send(sqe, fd, bufs.get(fd)!, c.res);
            sqe.user_data = fd * 4 + 3;
          }
        } else recv(fd);
      }
    };
    const r = await run(server, { until: ms(20), clients: [{ count: 4, port: 7000, requests: 3, requestSize: 100, think: us(200) }] });
    expect(r.errors).toEqual([]);
    const g = r.net.groups[0]!;
    expect(g.connected).toBe(4);
    expect(g.responses).toBe(12);
    // No recv, send or accept system call: only io_uring_enter (and close).
    const names = new Set(syscalls(r).map((e) => e.name));
    expect(names.has('recvfrom')).toBe(false);
    expect(names.has('accept4')).toBe(false);
    expect(names.has('io_uring_enter')).toBe(true);
  });
});
