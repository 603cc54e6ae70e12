import { describe, it, expect } from 'vitest';
import {
  run, computeStats, text, us, ms, O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECT,
  SEEK_END, SEEK_SET, EINVAL, EEXIST, ENOENT, ESPIPE, type RunResult, type Sys,
} from 'inside-io';
import { sim, syscalls } from './helpers.js';

const deviceOps = (r: RunResult) => r.events.filter((e) => e.cat === 'device' && e.detail?.device === 'sda').sort((a, b) => a.t - b.t);
const big = { '/data/big': { size: 1 << 20 } };

describe('the disk and the page cache', () => {
  it('a read that misses goes to the disk, sleeps, and is woken by the BLOCK softirq; the same read again costs no I/O', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/big', O_RDONLY);
      const buf = new Uint8Array(4096);
      await sys.pread(fd, buf, 4096, 0);
      expect(text(buf, 8)).toBe('0000000 ');
      await sys.pread(fd, buf, 4096, 0);
    }, { files: big });
    const [miss, hit] = syscalls(r, 'pread64');
    expect(deviceOps(r).length).toBe(1);
    expect(deviceOps(r)[0]!.t).toBeLessThan(hit!.t);
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.name).toBe('folio_wait_locked');
    expect(wait.detail?.woken_by).toBe('BLOCK');
    expect(miss!.dur).toBeGreaterThan(r.costs.diskLatency);
    expect(hit!.dur).toBeLessThan(2_000);
    // The completion came as an interrupt, then the BLOCK softirq on the same CPU.
    const irq = r.events.find((e) => e.cat === 'irq' && e.name === 'irq 24: sda')!;
    const soft = r.events.find((e) => e.cat === 'softirq' && e.name === 'BLOCK')!;
    expect(soft.t).toBe(irq.t + irq.dur);
  });

  it('reads ahead: after a 4 KiB read at offset 0, the next 12 KiB are already cached', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/big', O_RDONLY);
      const buf = new Uint8Array(12288);
      await sys.read(fd, buf, 4096);
      await sys.read(fd, buf, 12288);
      await sys.nanosleep(ms(1)); // let the background readahead finish
    }, { files: big });
    const ops = deviceOps(r);
    expect(ops[0]!.detail?.bytes).toBe(16384);
    // The second read found the readahead marker and started the next window in the background.
    expect(ops[1]!.detail?.bytes).toBe(32768);
    expect(syscalls(r, 'read')[1]!.dur).toBeLessThan(5_000);
  });

  it('does not read ahead for a small random read, and does again once the reads run in sequence', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/big', O_RDONLY);
      const buf = new Uint8Array(4096);
      await sys.pread(fd, buf, 4096, 40 * 4096); // a random read: just this page
      await sys.pread(fd, buf, 4096, 7 * 4096); // another one, elsewhere
      await sys.pread(fd, buf, 4096, 8 * 4096); // right after the last one: sequential now
    }, { files: big });
    const ops = deviceOps(r);
    expect(ops.map((e) => e.detail?.bytes)).toEqual([4096, 4096, 16384]);
    expect(ops[2]!.detail?.sector).toBe(2048 + 8 * 8);
  });

  it('while the disk and its DMA engine work, the CPU runs another thread', async () => {
    const r = await sim(async (sys) => {
      const w = await sys.pthread_create(async (t) => t.compute(us(400)), 'worker');
      const fd = await sys.open('/data/big', O_RDONLY);
      const buf = new Uint8Array(256 * 1024);
      expect(await sys.read(fd, buf)).toBe(256 * 1024);
      await sys.pthread_join(w);
    }, { cpus: 1, files: big });
    const dma = r.events.find((e) => e.cat === 'dma')!;
    expect(dma.bytes).toBe(256 * 1024);
    expect(dma.dur).toBe(Math.ceil(256 * 1024 * r.costs.diskNsPerByte));
    const worker = r.threads.find((t) => t.name === 'worker')!;
    const userDuringDma = r.events
      .filter((e) => e.cat === 'user' && e.tid === worker.tid)
      .reduce((s, e) => s + Math.max(0, Math.min(e.t + e.dur, dma.t + dma.dur) - Math.max(e.t, dma.t)), 0);
    expect(userDuringDma).toBeGreaterThan(dma.dur / 2);
  });

  it('O_DIRECT bypasses the page cache: the DMA lands in the buffer, nothing is cached, no copy_to_user', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/big', O_RDONLY | O_DIRECT);
      const buf = new Uint8Array(8192);
      expect(await sys.pread(fd, buf, 8192, 65536)).toBe(8192);
      expect(text(buf, 8)).toBe('0001024 ');
      expect(await sys.pread(fd, buf, 8192, 65536)).toBe(8192); // again: again from the disk
      expect(await sys.pread(fd, buf, 1000, 0)).toBe(-1); // not a multiple of 512
      expect(sys.errno).toBe(EINVAL);
      expect(await sys.pread(fd, buf.subarray(100), 512, 0)).toBe(-1); // misaligned buffer
      const b = await sys.open('/data/big', O_RDONLY);
      await sys.pread(b, buf, 4096, 65536); // buffered: not cached by the direct reads, so a miss
    }, { files: big });
    expect(deviceOps(r).length).toBe(3);
    const direct = syscalls(r, 'pread64').slice(0, 2);
    for (const d of direct) expect(r.events.some((e) => e.cat === 'copy' && e.t >= d.t && e.t < d.t + d.dur)).toBe(false);
    expect(r.events.filter((e) => e.cat === 'wait' && e.name === 'iomap_dio_rw').length).toBe(2);
  });

  it('writes stay in the page cache until fsync writes them back', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/out', O_RDWR | O_CREAT | O_TRUNC, 0o600);
      expect(await sys.write(fd, 'x'.repeat(10_000))).toBe(10_000);
      expect(await sys.lseek(fd, 0, SEEK_END)).toBe(10_000);
      await sys.nanosleep(ms(1));
      expect(await sys.fsync(fd)).toBe(0);
      // The data is on the disk: a direct read (no cache) sees it.
      const d = await sys.open('/data/out', O_RDONLY | O_DIRECT);
      const buf = new Uint8Array(512);
      expect(await sys.pread(d, buf, 512, 9216)).toBe(512);
      expect(text(buf, 784 - 0).slice(0, 784)).toBe('x'.repeat(512));
    });
    const ops = deviceOps(r);
    const write = syscalls(r, 'write')[0]!;
    const fsync = syscalls(r, 'fsync')[0]!;
    expect(ops[0]!.name).toBe('WRITE 12 KiB @ sector 2048');
    expect(ops[0]!.t).toBeGreaterThan(fsync.t);
    expect(write.dur).toBeLessThan(5_000);
    expect(fsync.dur).toBeGreaterThan(r.costs.diskLatency);
    expect(r.events.some((e) => e.cat === 'wait' && e.name === 'folio_wait_writeback')).toBe(true);
  });

  it('the I/O scheduler merges adjacent requests and serves a hard disk in sector order', async () => {
    const prog = async (sys: Sys) => {
      const fds: number[] = [];
      for (const f of ['/a', '/b', '/c']) fds.push(await sys.open(f, O_RDONLY | O_DIRECT));
      const buf = () => new Uint8Array(4096);
      // Three threads read far-apart files while the disk is busy, then four adjacent blocks of /a.
      const tids: number[] = [];
      tids.push(await sys.pthread_create(async (t) => void (await t.pread(fds[2]!, buf(), 4096, 0))));
      tids.push(await sys.pthread_create(async (t) => void (await t.pread(fds[1]!, buf(), 4096, 0))));
      tids.push(await sys.pthread_create(async (t) => void (await t.pread(fds[0]!, buf(), 4096, 0))));
      for (let i = 1; i <= 3; i++) tids.push(await sys.pthread_create(async (t) => void (await t.pread(fds[0]!, buf(), 4096, i * 4096))));
      for (const t of tids) await sys.pthread_join(t);
    };
    const files = { '/a': { size: 65536 }, '/b': { size: 65536 }, '/c': { size: 65536 } };
    const r = await sim(prog, { cpus: 1, disk: { kind: 'hdd' }, files });
    const ops = deviceOps(r);
    // The first request went alone (the disk was idle); the rest waited and the four blocks
    // of /a were merged into one request. Nothing lies above /c, so mq-deadline starts
    // again from the oldest request (/b), not from the lowest sector (/a).
    const [c, b, a] = [2048 + 2 * 524288, 2048 + 524288, 2048];
    expect(ops.map((e) => e.detail?.sector)).toEqual([c, b, a]);
    expect(ops[2]!.detail?.bios).toBe(4);
    expect(ops[2]!.detail?.bytes).toBe(16384);
    // With no scheduler ('none') they go first come, first served: /b before /a.
    const fifo = await sim(prog, { cpus: 1, disk: { kind: 'hdd', scheduler: 'none' }, files });
    expect(deviceOps(fifo).map((e) => e.detail?.sector)).toEqual([c, b, a]);
    // Each request on the hard disk waits for the platter: at least half a turn, 4.17 ms.
    expect(ops.every((e) => e.dur >= 4_166_667)).toBe(true);
  });

  it('mq-deadline sweeps upwards from the last request where first come, first served would not', async () => {
    const prog = async (sys: Sys) => {
      const fds: number[] = [];
      for (const f of ['/a', '/b', '/c']) fds.push(await sys.open(f, O_RDONLY | O_DIRECT));
      const read = (fd: number) => sys.pthread_create(async (t) => void (await t.pread(fd, new Uint8Array(4096), 4096, 0)));
      // /a goes alone; /c and then /b wait behind it.
      const tids = [await read(fds[0]!), await read(fds[2]!), await read(fds[1]!)];
      for (const t of tids) await sys.pthread_join(t);
    };
    const files = { '/a': { size: 65536 }, '/b': { size: 65536 }, '/c': { size: 65536 } };
    const [c, b, a] = [2048 + 2 * 524288, 2048 + 524288, 2048];
    const elevator = await sim(prog, { cpus: 1, disk: { kind: 'hdd' }, files });
    expect(deviceOps(elevator).map((e) => e.detail?.sector)).toEqual([a, b, c]);
    const fifo = await sim(prog, { cpus: 1, disk: { kind: 'hdd', scheduler: 'none' }, files });
    expect(deviceOps(fifo).map((e) => e.detail?.sector)).toEqual([a, c, b]);
  });

  it('open, lseek, O_APPEND, O_EXCL and errors behave as on Linux', async () => {
    await sim(async (sys) => {
      expect(await sys.open('/nope', O_RDONLY)).toBe(-1);
      expect(sys.errno).toBe(ENOENT);
      const fd = await sys.open('/f', O_WRONLY | O_CREAT | O_EXCL);
      expect(fd).toBe(3);
      expect(await sys.open('/f', O_WRONLY | O_CREAT | O_EXCL)).toBe(-1);
      expect(sys.errno).toBe(EEXIST);
      await sys.write(fd, 'hello');
      const a = await sys.open('/f', O_WRONLY | O_APPEND);
      await sys.lseek(a, 0, SEEK_SET);
      await sys.write(a, ' world');
      const rd = await sys.open('/f', O_RDONLY);
      const buf = new Uint8Array(64);
      const n = await sys.read(rd, buf);
      expect(text(buf, n)).toBe('hello world');
      expect(await sys.read(rd, buf)).toBe(0); // end of file
      expect(await sys.lseek(rd, -5, SEEK_END)).toBe(6);
      expect(await sys.lseek(rd, -50, SEEK_END)).toBe(-1);
      expect(sys.errno).toBe(EINVAL);
      const p = [0, 0];
      await sys.pipe(p);
      expect(await sys.lseek(p[0]!, 0, SEEK_SET)).toBe(-1);
      expect(sys.errno).toBe(ESPIPE);
      expect(await sys.fsync(p[0]!)).toBe(-1);
      expect(sys.errno).toBe(EINVAL);
    });
  });

  it('a warm file (world.files cached) is read without any I/O', async () => {
    const r = await sim(async (sys) => {
      const fd = await sys.open('/data/big', O_RDONLY);
      const buf = new Uint8Array(65536);
      expect(await sys.read(fd, buf)).toBe(65536);
    }, { files: { '/data/big': { size: 1 << 20, cached: true } } });
    expect(deviceOps(r)).toEqual([]);
    expect(computeStats(r).cpu.irq).toBe(0);
  });

  it('is deterministic', async () => {
    const prog = async (sys: Sys) => {
      const fd = await sys.open('/data/big', O_RDONLY);
      const t = await sys.pthread_create(async (x) => {
        const f = await x.open('/data/big', O_RDONLY | O_DIRECT);
        await x.pread(f, new Uint8Array(65536), 65536, 131072);
      });
      await sys.read(fd, new Uint8Array(100_000));
      await sys.pthread_join(t);
    };
    const a = await run(prog, { files: big });
    const b = await run(prog, { files: big });
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
