import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';

describe('bottom-workqueue.ts', () => {
  it('runs the bottom half in a kworker thread: a wakeup and a context switch later than a tasklet would', async () => {
    const r = await runExample('04-interrupts/bottom-workqueue.ts');
    expect(r.stop.reason).toBe('exit');
    const kworker = r.threads.find((t) => t.name === 'kworker/0:1')!;
    expect(kworker).toBeDefined();
    expect(r.events.some((e) => e.cat === 'softirq')).toBe(false);
    // The interrupt woke the kworker; the kworker woke the reader.
    expect(r.events.filter((e) => e.cat === 'wait' && e.tid === kworker.tid && e.detail?.woken_by === 'irq 24: sensor0').length).toBe(4);
    const waits = r.events.filter((e) => e.cat === 'wait' && e.tid === 1 && e.name === 'sensor0 read');
    expect(waits.every((e) => e.detail?.woken_by === `tid ${kworker.tid}`)).toBe(true);
    // The kworker ran on CPU 0 after a context switch each time.
    const switches = r.events.filter((e) => e.cat === 'sched' && e.cpu === 0 && e.detail?.next === kworker.tid);
    expect(switches.length).toBe(5);
    const tasklet = await runExample('04-interrupts/bottom-tasklet.ts');
    const lat = (x: typeof r) => x.output.map((o) => Number(/hands (\d+) ns/.exec(o.text)![1]));
    const a = lat(r);
    const b = lat(tasklet);
    expect(a.every((ns, i) => ns > b[i]!)).toBe(true);
  });
});
