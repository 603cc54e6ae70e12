import { describe, it, expect } from 'vitest';
import { ms, percentile } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('libuv-pool.ts', () => {
  it('five lookups on a pool of four: the fifth waits for a free thread; the sockets never use the pool', async () => {
    const r = await runExample('07-reactor/libuv-pool.ts');
    const workers = r.threads.filter((t) => t.name === 'libuv-worker');
    expect(workers).toHaveLength(4);
    const lines = r.output.map((o) => o.text);
    expect(lines).toHaveLength(5);
    const times = lines.map((l) => Number(/answered at ([\d.]+) ms/.exec(l)![1]));
    expect(times.filter((t) => t > 2 && t < 2.2)).toHaveLength(4);
    expect(times.filter((t) => t > 4 && t < 4.2)).toHaveLength(1);
    // Every lookup ran on a worker; the loop's thread (tid 1) made every socket call.
    const lookups = r.events.filter((e) => e.cat === 'syscall' && e.name === 'nanosleep');
    expect(lookups).toHaveLength(5);
    expect(lookups.every((e) => e.tid !== 1)).toBe(true);
    for (const name of ['accept4', 'read', 'epoll_wait']) expect(calls(r, name).every((e) => e.tid === 1)).toBe(true);
    expect(calls(r, 'write').filter((e) => e.args![0] !== '4').every((e) => e.tid === 1)).toBe(true); // fd 4: the pool's wake-up pipe
    // The clients were answered in about 100 µs throughout, lookups or not.
    const g = r.net.groups[0]!;
    expect(g.responses).toBeGreaterThan(10);
    expect(percentile(g.latencies, 99)).toBeLessThan(ms(0.2));
  });

  it('with UV_THREADPOOL_SIZE=5 all five lookups finish together', async () => {
    const { exampleSource } = await import('../../../tests/examples.js');
    const src = exampleSource('07-reactor/libuv-pool.ts').replace('{ pool: 4 }', '{ pool: 5 }');
    const r = await runExample('07-reactor/libuv-pool.ts', src);
    const times = r.output.map((o) => Number(/answered at ([\d.]+) ms/.exec(o.text)![1]));
    expect(times.every((t) => t > 2 && t < 2.2)).toBe(true);
  });
});
