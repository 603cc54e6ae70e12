import { describe, it, expect } from 'vitest';
import { computeStats, defaultCosts } from 'inside-io';
import { runExample, calls } from '../../../tests/examples.js';

describe('syscall-cost.ts', () => {
  it('charges every system call its entry and exit: a thousand getpid() cost a thousand round trips', async () => {
    const r = await runExample('04-interrupts/syscall-cost.ts');
    const getpid = calls(r, 'getpid');
    expect(getpid.length).toBe(1000);
    const trip = defaultCosts.syscallEntry + defaultCosts.fileOp + defaultCosts.syscallExit;
    expect(getpid.every((e) => e.dur === trip && e.ret === 1)).toBe(true);
    expect(r.output[0]!.text.trim()).toBe(`one getpid() round trip: ${trip} ns`);
    // clock_gettime() never entered the kernel: the only other call is exit_group.
    expect(computeStats(r).syscalls).toBe(1001);
    // All of it is system time on the one CPU.
    expect(computeStats(r).cpu.user).toBe(0);
  });
});
