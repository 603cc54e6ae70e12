// The chapter's exercise checks and prediction answers, on known runs.
import { describe, it, expect } from 'vitest';
import { runExample } from '../../../tests/examples.js';
import { check as aioBlocks } from './aio-blocks.check';
import { check as overlap } from './overlap-work.check';
import { lastRead } from './elevator.check';
import { enterCount } from './uring-sqpoll.check';
import { reapTime } from './aio-overlap.check';

describe('chapter 5 checks', () => {
  it('aio-blocks: explains a blocking io_submit in numbers, passes the O_DIRECT solution', async () => {
    const bad = aioBlocks(await runExample('05-async/aio-blocks.ts'));
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^io_submit\(\) took \d+\.\d µs and slept 8 times waiting for the disk/);
    const good = aioBlocks(await runExample('05-async/aio-blocks.solution.ts'));
    expect(good.ok).toBe(true);
  });

  it('overlap-work: too slow when the disk and the CPU take turns; the io_uring solution passes', async () => {
    const bad = overlap(await runExample('05-async/overlap-work.ts'));
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^The run took 1\.\d\d ms; the goal is under 1 ms/);
    expect(overlap(await runExample('05-async/overlap-work.solution.ts')).ok).toBe(true);
  });

  it('answers the predictions from the traces', async () => {
    expect(lastRead(await runExample('05-async/elevator.ts')).value).toBe('10240 KiB');
    expect(enterCount(await runExample('05-async/uring-sqpoll.ts')).value).toBe(1);
    expect(reapTime(await runExample('05-async/aio-overlap.ts')).value).toBe('almost no time');
  });
});
