// The spin-wait exercise's check and prediction answers, on known runs.
import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';
import { check, eagainCount, busiestThread } from './spin-wait.check';

describe('spin-wait.check.ts', () => {
  it('explains a failure with the number of read calls', async () => {
    const r = await runExample('00-tools/spin-wait.ts');
    const v = check(r);
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/^Your reader made [\d,]+ read calls to get one message \(the goal is at most 3\)/);
  });

  it('passes the blocking solution', async () => {
    const v = check(await runExample('00-tools/spin-wait.solution.ts'));
    expect(v).toEqual({ ok: true, message: 'One message, 1 read call: the reader slept until the writer woke it.' });
  });

  it('answers the predictions from the trace', async () => {
    const r = await runExample('00-tools/spin-wait.ts');
    const n = eagainCount(r);
    expect(n.value).toBe(r.events.filter((e) => e.name === 'read' && e.errno === 'EAGAIN').length);
    expect(n.value).toBeGreaterThan(50);
    // Waiting by spinning costs as much CPU as the writer's work: the reader wins.
    expect(busiestThread(r).value).toBe('main');
    expect(busiestThread(r).explain).toMatch(/^main used \d+ µs of CPU time, writer \d+ µs\.$/);
  });
});
