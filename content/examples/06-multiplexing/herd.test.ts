import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

describe('herd.ts', () => {
  it('one connection wakes all four epoll instances: one accept wins, three get EAGAIN', async () => {
    const r = await runExample('06-multiplexing/herd.ts');
    expect(calls(r, 'epoll_wait').map((e) => e.ret)).toEqual([1, 1, 1, 1]);
    const accepts = calls(r, 'accept4');
    expect(accepts).toHaveLength(4);
    expect(accepts.filter((e) => e.ret! >= 0)).toHaveLength(1);
    expect(accepts.filter((e) => e.errno === 'EAGAIN')).toHaveLength(3);
    // The listener's one wakeup ran ep_poll_callback in all four instances: each put
    // the listener on its ready list.
    expect(r.events.filter((e) => e.name === 'ready +' && e.detail?.why === 'ep_poll_callback')).toHaveLength(4);
    expect(r.output).toHaveLength(1);
  });

  it('with EPOLLEXCLUSIVE only one worker is woken; the others time out', async () => {
    const source = exampleSource('06-multiplexing/herd.ts').replace('exclusive: false', 'exclusive: true');
    const r = await runExample('06-multiplexing/herd.ts', source);
    expect(calls(r, 'epoll_wait').map((e) => e.ret).sort()).toEqual([0, 0, 0, 1]);
    const accepts = calls(r, 'accept4');
    expect(accepts).toHaveLength(1);
    expect(accepts[0]!.ret).toBeGreaterThan(0);
    expect(r.output[0]!.text.trim()).toBe('worker 1 got the connection');
  });
});
