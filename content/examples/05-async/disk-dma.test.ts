import { describe, it, expect } from 'vitest';
import { runExample, calls } from '../../../tests/examples.js';

describe('disk-dma.ts', () => {
  it('moves the data by DMA while the CPU runs the other thread, then wakes the reader from the BLOCK softirq', async () => {
    const r = await runExample('05-async/disk-dma.ts');
    const [read] = calls(r, 'read');
    const dev = r.events.find((e) => e.cat === 'device' && e.detail?.device === 'sda')!;
    const dma = r.events.find((e) => e.cat === 'dma')!;
    expect(dev.name).toBe('READ 256 KiB @ sector 2048');
    expect(dma.detail?.device).toBe('sda DMA');
    expect(dma.bytes).toBe(256 * 1024);
    // The DMA starts when the disk has found the data and takes 256 KiB × 1.8 ns.
    expect(dma.t).toBe(dev.t + dev.dur);
    expect(dma.dur).toBe(Math.ceil(256 * 1024 * r.costs.diskNsPerByte));
    // During the transfer the single CPU runs the worker, in user mode, and nothing of the reader.
    const worker = r.threads.find((t) => t.name === 'worker')!.tid;
    const during = r.events.filter((e) => e.cpu === 0 && e.cat !== 'syscall' && e.cat !== 'copy' && e.t < dma.t + dma.dur && e.t + e.dur > dma.t);
    expect(during.every((e) => e.tid === worker && e.cat === 'user')).toBe(true);
    // Then: the disk's interrupt, the BLOCK softirq, and the reader wakes.
    const irq = r.events.find((e) => e.cat === 'irq' && e.name === 'irq 24: sda')!;
    expect(irq.t).toBe(dma.t + dma.dur);
    const wait = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(wait.detail?.woken_by).toBe('BLOCK');
    expect(read!.ret).toBe(256 * 1024);
    // The second time the data comes from the page cache: no disk, and 20× faster.
    const [again] = calls(r, 'pread64');
    expect(r.events.filter((e) => e.cat === 'device').length).toBe(1);
    expect(again!.dur * 20).toBeLessThan(read!.dur);
    expect(r.output[0]!.text).toMatch(/^read 262144 bytes in \d+(\.\d+)? µs\n$/);
  });
});
