import { describe, it, expect } from 'vitest';
import { computeStats } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('epoll-copies.ts', () => {
  it('epoll_wait copies one 12-byte struct epoll_event; the 1,000 bytes of data are copied by read()', async () => {
    const r = await runExample('06-multiplexing/epoll-copies.ts');
    const wait = calls(r, 'epoll_wait')[0]!;
    expect(wait.ret).toBe(1);
    expect(wait.args![1]).toBe('[{events=EPOLLIN, data={u32=5, u64=5}}]');
    // It slept on the epoll instance's wait queue until ep_poll_callback put the pipe
    // on the ready list; the writer's wakeup of the pipe ran that callback.
    const sleep = r.events.find((e) => e.cat === 'wait' && e.tid === 1)!;
    expect(sleep.name).toBe('ep_poll');
    expect(sleep.detail?.woken_by).toBe('tid 2');
    const cb = r.events.find((e) => e.name === 'ready +' && e.detail?.why === 'ep_poll_callback')!;
    expect(cb.detail).toMatchObject({ fd: 5 });
    expect(cb.pid).toBe(1); // the instance's owner, though the peer thread's write ran the callback
    // What crossed to user space, in order: 12 bytes (the event), then 1,000 (the data).
    const copies = r.events.filter((e) => e.cat === 'copy' && e.name === 'copy_to_user' && e.tid === 1);
    expect(copies.map((e) => e.bytes)).toEqual([12, 1000]);
    expect(copies[0]!.t).toBeGreaterThanOrEqual(wait.t);
    expect(copies[0]!.t).toBeLessThan(wait.t + wait.dur);
    expect(computeStats(r).bytesToUser).toBe(1012);
    expect(calls(r, 'read')[0]!.ret).toBe(1000);
    expect(r.output.map((o) => o.text.trim())).toEqual(['fd 5: events=1, read 1000 bytes']);
  });
});
