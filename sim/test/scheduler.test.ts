import { describe, it, expect } from 'vitest';
import { computeStats, ms, us, run } from 'inside-io';
import { sim } from './helpers.js';

describe('scheduler and CPUs', () => {
  it('two computing threads on two CPUs run in parallel; on one CPU they take turns', async () => {
    const prog = async (sys: import('inside-io').Sys) => {
      const a = await sys.pthread_create(async (t) => t.compute(ms(5)));
      const b = await sys.pthread_create(async (t) => t.compute(ms(5)));
      await sys.pthread_join(a);
      await sys.pthread_join(b);
    };
    const two = await sim(prog, { cpus: 2 });
    const one = await sim(prog, { cpus: 1 });
    expect(two.end).toBeLessThan(ms(6));
    expect(one.end).toBeGreaterThan(ms(10));
    // On one CPU the timeslice forces switches back and forth (at the first tick after
    // 1.5 ms of running, so every 2 ms at HZ=1000).
    expect(computeStats(one).contextSwitches).toBeGreaterThan(computeStats(two).contextSwitches + 2);
    expect(computeStats(one).cpu.user).toBe(ms(10));
  });

  it('a context switch costs what the cost model says, and the world can make it free', async () => {
    const prog = async (sys: import('inside-io').Sys) => {
      const fds = [0, 0];
      await sys.pipe(fds);
      const t = await sys.pthread_create(async (w) => {
        await w.write(fds[1]!, 'x');
      });
      await sys.read(fds[0]!, new Uint8Array(1));
      await sys.pthread_join(t);
    };
    const normal = await sim(prog, { cpus: 1 });
    const free = await sim(prog, { cpus: 1, costs: { contextSwitch: 0 } });
    const sw = normal.events.filter((e) => e.cat === 'sched' && e.cpu !== undefined);
    expect(sw.length).toBeGreaterThan(0);
    expect(sw.every((e) => e.dur === 1500)).toBe(true);
    expect(free.end).toBe(normal.end - sw.length * 1500);
  });

  it('CPU time adds up: user + system + irq + softirq + idle = CPUs × duration', async () => {
    const r = await sim(async (sys) => {
      await sys.compute(us(30));
      await sys.nanosleep(us(50));
      await sys.compute(us(20));
    });
    const s = computeStats(r);
    expect(s.cpu.user).toBe(us(50));
    expect(s.cpu.user + s.cpu.system + s.cpu.irq + s.cpu.softirq + s.cpu.idle).toBe(r.end * 2);
    // The sleep ended with the timer interrupt that woke it.
    expect(s.cpu.irq).toBe(r.costs.irqEntry + r.costs.timerInterrupt);
    expect(s.blockedTime).toBe(us(50));
  });

  it('nanosleep wakes by the timer', async () => {
    const r = await sim(async (sys) => {
      await sys.nanosleep(ms(2));
    });
    const w = r.events.find((e) => e.cat === 'wakeup')!;
    expect(w.name).toBe('timeout');
    expect(r.events.find((e) => e.cat === 'wait')!.dur).toBe(ms(2));
  });

  it('a busy thread on a 1-CPU machine cannot starve another: the timeslice preempts at syscall exit', async () => {
    const r = await sim(
      async (sys) => {
        let done = false;
        await sys.pthread_create(async (t) => {
          await t.compute(us(10));
          done = true;
        });
        while (!done) await sys.getpid();
      },
      { cpus: 1 },
    );
    expect(r.stop.reason).toBe('exit');
    expect(r.end).toBeLessThan(ms(5));
  });

  it('stops at the world time limit', async () => {
    const r = await run(async (sys) => {
      for (;;) await sys.nanosleep(us(100));
    }, { until: ms(1) });
    expect(r.stop.reason).toBe('time');
    expect(r.end).toBe(ms(1));
  });

  it('main returning ends the process, even with other threads still running (exit_group)', async () => {
    const r = await sim(async (sys) => {
      await sys.pthread_create(async (t) => {
        await t.nanosleep(ms(100));
      });
    });
    expect(r.stop.reason).toBe('exit');
    expect(r.end).toBeLessThan(ms(1));
  });
});
