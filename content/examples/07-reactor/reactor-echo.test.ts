import { describe, it, expect } from 'vitest';
import { formatStrace } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('reactor-echo.ts', () => {
  it('one thread: sleeps only in epoll_wait, dispatches each ready descriptor to its handler, and serves every client', async () => {
    const r = await runExample('07-reactor/reactor-echo.ts');
    expect(r.threads.map((t) => t.name)).toEqual(['main']);
    const g = r.net.groups[0]!;
    expect(g).toMatchObject({ connected: 3, requests: 9, responses: 9, reset: 0 });

    // The only place the thread sleeps is epoll_wait (ep_poll); never in read() or accept().
    const waits = r.events.filter((e) => e.cat === 'wait');
    expect(waits.length).toBeGreaterThan(3);
    expect(new Set(waits.map((w) => w.name))).toEqual(new Set(['ep_poll']));

    // Registration: the listener and three connections, each added once and deleted when closed.
    expect(calls(r, 'epoll_ctl')).toHaveLength(1 + 3 + 3);
    expect(calls(r, 'accept4').map((e) => e.ret)).toEqual([5, 6, 7]);
    // Each read was preceded by a report from epoll: nothing returned EAGAIN.
    expect(calls(r, 'read').every((e) => (e.ret ?? -1) >= 0)).toBe(true);
    expect(calls(r, 'read').map((e) => e.ret).filter((n) => n === 64)).toHaveLength(9);
    // One epoll_wait call reported two ready descriptors: the dispatcher handled both.
    expect(formatStrace(r.events)).toMatch(/epoll_wait\(3, \[\{events=EPOLLIN, data=\{u32=4, u64=4\}\}, \{events=EPOLLIN, data=\{u32=6, u64=6\}\}\], 64, -1\) = 2/);
    // The run ends with the loop asleep in epoll_wait, all clients gone.
    expect(r.stop.reason).toBe('time');
    expect(calls(r, 'close')).toHaveLength(3);
  });
});
