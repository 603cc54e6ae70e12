import { describe, it, expect } from 'vitest';
import { computeStats, percentile } from 'inside-io';
import { runExample, exampleSource, calls } from '../../../tests/examples.js';

const run = (idle: number) =>
  runExample('02-blocking/idle-connections.ts', exampleSource('02-blocking/idle-connections.ts').replace('{ idle: 20 }', `{ idle: ${idle} }`));

describe('idle-connections.ts', () => {
  const with500 = run(500);

  it('every connection gets a thread; the idle ones sleep in read() and use no CPU after their first call', async () => {
    const r = await with500;
    expect(r.stop.reason).toBe('exit');
    expect(r.threads).toHaveLength(511);
    expect(calls(r, 'accept')).toHaveLength(510);
    const [active, idle] = r.net.groups;
    expect(active).toMatchObject({ connected: 10, requests: 200, responses: 200 });
    expect(idle).toMatchObject({ connected: 500, requests: 0 });
    // An idle connection's thread made exactly one system call: the read() it is still asleep in.
    const perThread = new Map<number, number>();
    for (const e of calls(r)) perThread.set(e.tid!, (perThread.get(e.tid!) ?? 0) + 1);
    const idleThreads = r.threads.filter((t) => t.tid !== 1 && (perThread.get(t.tid) ?? 0) === 0);
    expect(idleThreads.length).toBe(500); // the read() never returned, so it is not in the trace as a completed call
    expect(r.output.map((o) => o.text).join('')).toBe(
      '510 connections, 511 threads: 8.0 MiB of kernel stacks, 4.0 GiB of address space reserved for user stacks\n',
    );
  });

  it('as given (20 idle connections): 31 threads, and the estimate of their stacks', async () => {
    const r = await runExample('02-blocking/idle-connections.ts');
    expect(r.threads).toHaveLength(31);
    expect(r.output.map((o) => o.text).join('')).toBe(
      '30 connections, 31 threads: 0.5 MiB of kernel stacks, 0.2 GiB of address space reserved for user stacks\n',
    );
  });

  it('idle threads do not slow the active connections: same latencies with 0 or 500 idle', async () => {
    const none = await run(0);
    const many = await with500;
    const lat = (r: typeof none) => r.net.groups[0]!.latencies;
    expect(percentile(lat(many), 99)).toBe(percentile(lat(none), 99));
    expect(percentile(lat(many), 99)).toBeLessThan(120_000);
    // But each idle connection cost the server a one-time accept, thread creation and first read: ~16 µs.
    const extra = (computeStats(many).cpu.system - computeStats(none).cpu.system) / 500;
    expect(extra).toBeGreaterThan(14_000);
    expect(extra).toBeLessThan(18_000);
  });
});
