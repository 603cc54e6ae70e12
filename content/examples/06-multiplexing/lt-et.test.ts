import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

describe('lt-et.ts', () => {
  it('level-triggered: the pipe is reported after every partial read, until it is empty', async () => {
    const r = await runExample('06-multiplexing/lt-et.ts');
    const waits = calls(r, 'epoll_wait');
    expect(waits.map((e) => e.ret)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(calls(r, 'read').map((e) => e.ret)).toEqual(Array(10).fill(10));
    // Each delivery puts the item back on the ready list (ep_send_events for LT items).
    expect(r.events.filter((e) => e.name === 'ready +' && String(e.detail?.why).startsWith('level-triggered'))).toHaveLength(10);
    expect(r.output[0]!.text.trim()).toBe('10 wakeups, 100 of 100 bytes read');
  });

  it('edge-triggered: one report for the arrival, then silence with 90 bytes unread', async () => {
    const source = exampleSource('06-multiplexing/lt-et.ts').replace('const EVENTS = EPOLLIN;', 'const EVENTS = EPOLLIN | EPOLLET;');
    const r = await runExample('06-multiplexing/lt-et.ts', source);
    expect(calls(r, 'epoll_wait').map((e) => e.ret)).toEqual([1, 0]);
    expect(calls(r, 'read').map((e) => e.ret)).toEqual([10]);
    expect(r.output[0]!.text.trim()).toBe('1 wakeups, 10 of 100 bytes read');
  });
});
