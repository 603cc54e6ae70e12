import { describe, it, expect } from 'vitest';
import { runExample, calls, exampleSource } from '../../../tests/examples.js';

const handled = (r: Awaited<ReturnType<typeof runExample>>) => r.output.map((o) => o.text.trim());

describe('oneshot.ts', () => {
  it('with EPOLLONESHOT, worker B sleeps through the second message; A re-arms and handles both', async () => {
    const r = await runExample('06-multiplexing/oneshot.ts');
    expect(handled(r)).toEqual(['A handles 13 bytes', 'A handles 14 bytes']);
    const [a, b] = [2, 3].map((tid) => calls(r).filter((e) => e.name === 'epoll_wait' && e.tid === tid));
    expect(a!.map((e) => e.ret)).toEqual([1, 0]);
    expect(b!.map((e) => e.ret)).toEqual([0]); // B was never woken: it timed out
    const mod = calls(r, 'epoll_ctl').find((e) => e.args![1] === 'EPOLL_CTL_MOD')!;
    expect(mod.tid).toBe(2);
    expect(mod.ret).toBe(0);
  });

  it('edge-triggered without EPOLLONESHOT, the second arrival wakes B while A still works on the pipe', async () => {
    const source = exampleSource('06-multiplexing/oneshot.ts').replace(
      'const EVENTS = EPOLLIN | EPOLLET | EPOLLONESHOT;',
      'const EVENTS = EPOLLIN | EPOLLET;',
    );
    const r = await runExample('06-multiplexing/oneshot.ts', source);
    expect(handled(r)).toEqual(['A handles 13 bytes', 'B handles 14 bytes']);
    const firstOfB = calls(r).find((e) => e.name === 'epoll_wait' && e.tid === 3)!;
    expect(firstOfB.ret).toBe(1);
    // B's read happened while A was still computing on the first message.
    const bRead = calls(r, 'read').find((e) => e.tid === 3)!;
    const aCompute = r.events.find((e) => e.tid === 2 && e.cat === 'user')!;
    expect(bRead.t).toBeGreaterThan(aCompute.t);
    expect(bRead.t).toBeLessThan(aCompute.t + aCompute.dur);
  });
});
