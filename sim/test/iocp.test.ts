import { describe, it, expect } from 'vitest';
import {
  run, us, ms, AF_INET, SOCK_STREAM, INVALID_HANDLE_VALUE, ERROR_IO_PENDING, WAIT_TIMEOUT, INFINITE, text,
  type Overlapped, type Sys,
} from 'inside-io';
import { sim, syscalls } from './helpers.js';

/** Three worker threads wait on a port in the order w1, w2, w3; the program then posts packets. */
async function workers(sys: Sys, concurrency: number, work: (w: Sys, key: number) => Promise<void>, log: string[]) {
  const port = await sys.win32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, concurrency);
  const tids: number[] = [];
  for (const name of ['w1', 'w2', 'w3']) {
    tids.push(await sys.pthread_create(async (w) => {
      for (;;) {
        const bytes = { value: 0 };
        const key = { value: 0 };
        const ov = { value: null as Overlapped | null };
        if (!(await w.win32.GetQueuedCompletionStatus(port, bytes, key, ov, 5))) return; // timed out: done
        log.push(`${name}:${key.value}`);
        await work(w, key.value);
      }
    }, name));
    await sys.nanosleep(us(10)); // so they wait in this order
  }
  return { port, tids };
}

describe('I/O completion ports (the Windows model)', () => {
  it('release waiting threads last in, first out, and deliver packets first in, first out', async () => {
    const log: string[] = [];
    await sim(async (sys) => {
      const { port, tids } = await workers(sys, 0, async (w) => void (await w.compute(us(5))), log);
      for (const key of [1, 2, 3]) await sys.win32.PostQueuedCompletionStatus(port, 0, key, null);
      for (const t of tids) await sys.pthread_join(t);
    }, { cpus: 4 });
    // w3 waited last, so it is released first; the packets come out in the order they were posted.
    expect(log).toEqual(['w3:1', 'w2:2', 'w1:3']);
  });

  it('let no more than the concurrency value run: with 1, the running thread takes every packet', async () => {
    const log: string[] = [];
    const r = await sim(async (sys) => {
      const { port, tids } = await workers(sys, 1, async (w) => void (await w.compute(us(50))), log);
      for (const key of [1, 2, 3, 4]) await sys.win32.PostQueuedCompletionStatus(port, 0, key, null);
      for (const t of tids) await sys.pthread_join(t);
    }, { cpus: 4 });
    expect(log).toEqual(['w3:1', 'w3:2', 'w3:3', 'w3:4']);
    // Never two workers computing at the same time, though there are four CPUs.
    const user = r.events.filter((e) => e.cat === 'user').sort((a, b) => a.t - b.t);
    for (let i = 1; i < user.length; i++) expect(user[i]!.t).toBeGreaterThanOrEqual(user[i - 1]!.t + user[i - 1]!.dur);
  });

  it('release another thread when a running one blocks, so the CPU is not wasted', async () => {
    const log: string[] = [];
    await sim(async (sys) => {
      const { port, tids } = await workers(sys, 1, async (w) => void (await w.nanosleep(us(100))), log);
      for (const key of [1, 2]) await sys.win32.PostQueuedCompletionStatus(port, 0, key, null);
      for (const t of tids) await sys.pthread_join(t);
    }, { cpus: 4 });
    // w3 took the first packet and went to sleep: the port let w2 run for the second.
    expect(log).toEqual(['w3:1', 'w2:2']);
  });

  it('fills a receive buffer supplied before the data arrived, and reports it as a packet', async () => {
    const r = await run(async (sys) => {
      const l = await sys.socket(AF_INET, SOCK_STREAM);
      await sys.bind(l, { addr: '0.0.0.0', port: 7100 });
      await sys.listen(l, 4);
      const port = await sys.win32.CreateIoCompletionPort(INVALID_HANDLE_VALUE, 0, 0, 0);
      const s = await sys.accept(l);
      expect(await sys.win32.CreateIoCompletionPort(s, port, 42, 0)).toBe(port);
      const buf = new Uint8Array(256);
      const ov: Overlapped = { who: 'first recv' };
      expect(await sys.win32.WSARecv(s, buf, 256, ov)).toBe(-1);
      expect(sys.win32.GetLastError()).toBe(ERROR_IO_PENDING);
      const bytes = { value: 0 };
      const key = { value: 0 };
      const got = { value: null as Overlapped | null };
      expect(await sys.win32.GetQueuedCompletionStatus(port, bytes, key, got, 0)).toBe(0); // nothing yet
      expect(sys.win32.GetLastError()).toBe(WAIT_TIMEOUT);
      expect(await sys.win32.GetQueuedCompletionStatus(port, bytes, key, got, INFINITE)).toBe(1);
      expect([bytes.value, key.value, got.value?.who]).toEqual([100, 42, 'first recv']);
      expect(buf[0]).toBeGreaterThan(0); // the data is already in our buffer: no recv() needed
    }, { until: ms(5), clients: [{ count: 1, port: 7100, requestSize: 100, responseSize: 0, idle: us(200) }] });
    expect(r.errors).toEqual([]);
    expect(syscalls(r, 'recvfrom')).toEqual([]);
    // The copy into the buffer happened in a DPC (a tasklet) as the data arrived, not in the program.
    expect(r.events.some((e) => e.cat === 'softirq' && e.name === 'TASKLET')).toBe(true);
    void text;
  });
});
