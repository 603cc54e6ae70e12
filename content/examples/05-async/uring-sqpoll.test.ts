import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, exampleSource, calls } from '../../../tests/examples.js';

describe('uring-sqpoll.ts', () => {
  it('does 256 reads with one io_uring_enter, while a kernel thread polls the ring on the other CPU', async () => {
    const r = await runExample('05-async/uring-sqpoll.ts');
    expect(r.output[0]!.text).toMatch(/^1048576 bytes in /);
    // Only the very first wait, before the polling thread had produced anything, entered the kernel.
    expect(calls(r, 'io_uring_enter').length).toBe(1);
    expect(computeStats(r).syscalls).toBe(6);
    // The SQPOLL thread did the reads (and their copies) and spun while it waited for more.
    const sqp = r.threads.find((t) => t.name === 'iou-sqp-1')!;
    const copies = r.events.filter((e) => e.cat === 'copy' && e.tid === sqp.tid);
    expect(copies.reduce((s, e) => s + (e.bytes ?? 0), 0)).toBe(1024 * 1024);
    const polling = r.events.filter((e) => e.cat === 'kernel' && e.tid === sqp.tid && e.name === 'io_sq_thread polling');
    expect(polling.length).toBeGreaterThan(0);
    // That CPU was kept busy: system time is about as long as the whole run.
    const s = computeStats(r);
    expect(s.cpu.system).toBeGreaterThan(0.9 * r.end);
  });

  it('without SQPOLL the same loop makes an io_uring_enter on almost every pass, and no CPU is spent polling', async () => {
    const src = exampleSource('05-async/uring-sqpoll.ts').replace('{ flags: IORING_SETUP_SQPOLL, sq_thread_idle: 1 }', '{}');
    const r = await runExample('05-async/uring-sqpoll.ts', src);
    expect(calls(r, 'io_uring_enter').length).toBeGreaterThan(200);
    expect(r.threads.some((t) => t.name.startsWith('iou-sqp'))).toBe(false);
    expect(computeStats(r).cpu.system).toBeLessThan(0.5 * r.end);
  });
});
