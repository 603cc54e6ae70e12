import { describe, it, expect } from 'vitest';
import { runExample, exampleSource } from '../../../tests/examples.js';

const order = (text: string[]) => text.map((t) => t.replace(/^[\d.]+ ms +/, '').trim());

describe('libuv-order.ts', () => {
  it('nextTick and promise callbacks first; then, with a fast start-up, the immediate before the timeout', async () => {
    const r = await runExample('07-reactor/libuv-order.ts');
    expect(order(r.output.map((o) => o.text))).toEqual(['process.nextTick', 'promise callback', 'setImmediate', 'setTimeout 0']);
    // The timeout fired only when its 1 ms was up, at the end of an iteration.
    const marks = r.events.filter((e) => e.cat === 'note' && e.detail?.source === 'trace_marker').map((e) => e.name);
    expect(marks.indexOf('uv: check')).toBeLessThan(marks.indexOf('uv: timers'));
  });

  it('with a start-up longer than 1 ms, the timer is already due before the first iteration and wins', async () => {
    const src = exampleSource('07-reactor/libuv-order.ts').replace('{ startup: 0.4 }', '{ startup: 1.5 }');
    const r = await runExample('07-reactor/libuv-order.ts', src);
    expect(order(r.output.map((o) => o.text))).toEqual(['process.nextTick', 'promise callback', 'setTimeout 0', 'setImmediate']);
    const marks = r.events.filter((e) => e.cat === 'note' && e.detail?.source === 'trace_marker').map((e) => e.name);
    expect(marks[0]).toBe('uv: timers'); // the run before the first iteration
  });
});

describe('libuv-order.check.ts and libuv-phases.check.ts', () => {
  it('read the predictions from the runs', async () => {
    const { firstOfTwo } = await import('./libuv-order.check.js');
    expect(firstOfTwo(await runExample('07-reactor/libuv-order.ts'))).toMatchObject({ value: 'setImmediate' });
    const slow = exampleSource('07-reactor/libuv-order.ts').replace('{ startup: 0.4 }', '{ startup: 1.5 }');
    expect(firstOfTwo(await runExample('07-reactor/libuv-order.ts', slow))).toMatchObject({ value: 'setTimeout' });
    const { callbackOrder } = await import('./libuv-phases.check.js');
    expect(callbackOrder(await runExample('07-reactor/libuv-phases.ts'))).toMatchObject({ value: 'nextTick, promise, setImmediate, setTimeout' });
  });
});
