import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('proactor-echo.ts', () => {
  it('starts operations with their buffers and runs a handler per completion; no accept/read/write calls', async () => {
    const r = await runExample('07-reactor/proactor-echo.ts');
    const g = r.net.groups[0]!;
    expect(g).toMatchObject({ connected: 3, requests: 9, responses: 9, reset: 0 });
    // The I/O itself is never a system call of the program: it is done by the kernel, from the ring.
    for (const name of ['accept', 'accept4', 'read', 'write', 'recv', 'send', 'epoll_wait']) expect(calls(r, name)).toHaveLength(0);
    // One io_uring_enter per batch: it hands over the started operations and waits for a completion.
    const enters = calls(r, 'io_uring_enter');
    expect(enters.length).toBeGreaterThan(10);
    expect(enters.some((e) => Number(e.args![1]) >= 3)).toBe(true); // several operations handed over at once

    // Against the Reactor on the same world: the same bytes of data cross the boundary,
    // with fewer system calls (readiness then I/O, against one submit-and-wait per batch).
    const reactor = await runExample('07-reactor/reactor-echo.ts');
    expect(reactor.net.groups[0]!.responses).toBe(9);
    expect(calls(r).length).toBeLessThan(calls(reactor).length * 0.6);
    const data = (run: typeof r) => computeStats(run);
    expect(data(r).cpu.user).toBe(data(reactor).cpu.user); // the same 20 µs per request
  });
});
