import { describe, it, expect } from 'vitest';
import { computeStats, ms, us, O_WRONLY, O_CREAT, io_uring_prep_fsync, type RunResult } from 'inside-io';
import { sim } from './helpers.js';

const irqs = (r: RunResult, cpu?: number) => r.events.filter((e) => e.cat === 'irq' && (cpu === undefined || e.cpu === cpu));

describe('the timer interrupt', () => {
  it('ticks HZ times a second on a busy CPU and not at all on an idle one (NO_HZ_IDLE)', async () => {
    const r = await sim(async (sys) => {
      await sys.compute(ms(5) + us(100));
    }, { cpus: 2 });
    const busy = irqs(r, 0);
    expect(busy.map((e) => e.t)).toEqual([ms(1), ms(2), ms(3), ms(4), ms(5)]);
    expect(busy.every((e) => e.name === 'timer interrupt' && e.dur === r.costs.irqEntry + r.costs.timerInterrupt)).toBe(true);
    expect(irqs(r, 1)).toEqual([]);
    // The interrupted computation is pushed back by exactly the interrupts' time.
    const s = computeStats(r);
    expect(s.cpu.user).toBe(ms(5) + us(100));
    expect(s.cpu.irq).toBe(5 * (r.costs.irqEntry + r.costs.timerInterrupt));
    // Each tick splits the user-mode slice in two.
    expect(r.events.filter((e) => e.cat === 'user' && e.cpu === 0).length).toBe(6);
  });

  it('preempts a thread whose timeslice is used up, at the first tick after it, on the way back to user mode', async () => {
    const r = await sim(async (sys) => {
      const a = await sys.pthread_create(async (t) => t.compute(ms(4)), 'a');
      const b = await sys.pthread_create(async (t) => t.compute(ms(4)), 'b');
      await sys.pthread_join(a);
      await sys.pthread_join(b);
    }, { cpus: 1 });
    const switches = r.events.filter((e) => e.cat === 'sched' && e.cpu === 0).sort((x, y) => x.t - y.t);
    const ticks = irqs(r);
    // A switch from a to b starts exactly where a timer interrupt ends.
    const preemptions = switches.filter((sw) => ticks.some((tk) => tk.t + tk.dur === sw.t));
    expect(preemptions.length).toBeGreaterThanOrEqual(2);
    for (const sw of preemptions) {
      const tick = ticks.find((tk) => tk.t + tk.dur === sw.t)!;
      // a tick on the ms grid, and the thread it interrupted had run ≥ 1.5 ms
      expect(tick.t % ms(1)).toBe(0);
    }
    // Both finish: 8 ms of work on one CPU plus switches and interrupts.
    expect(r.end).toBeGreaterThan(ms(8));
    expect(r.end).toBeLessThan(ms(8.2));
  });

  it('wakes a sleeper from the timer interrupt of the CPU it slept on', async () => {
    const r = await sim(async (sys) => {
      await sys.nanosleep(us(300));
    });
    const [tick] = irqs(r);
    expect(tick!.t).toBe(r.events.find((e) => e.cat === 'wait')!.t + us(300));
    const wake = r.events.find((e) => e.cat === 'wakeup')!;
    expect(wake.t).toBe(tick!.t);
    // The thread's context switch waits for the interrupt to return.
    const sw = r.events.filter((e) => e.cat === 'sched' && e.cpu !== undefined).pop()!;
    expect(sw.t).toBe(tick!.t + tick!.dur);
  });

  it('world.hz changes the tick rate', async () => {
    const r = await sim(async (sys) => {
      await sys.compute(ms(9));
    }, { hz: 250 });
    expect(irqs(r).map((e) => e.t)).toEqual([ms(4), ms(8)]);
  });

  it('timer-wheel timers (schedule_timeout) expire on a jiffy and run in the TIMER softirq: an idle io-wq worker leaves after 5 s', async () => {
    const r = await sim(async (sys) => {
      const ring = (await sys.io_uring_queue_init(4))!;
      const fd = await sys.open('/f', O_WRONLY | O_CREAT);
      io_uring_prep_fsync(ring.get_sqe()!, fd);
      await ring.submit();
      await ring.wait_cqe();
      await sys.nanosleep(ms(5500));
    }, { until: ms(6000) });
    const worker = r.threads.find((t) => t.name === 'iou-wrk-1')!;
    const idle = r.events.find((e) => e.cat === 'wait' && e.tid === worker.tid && e.name === 'io_wq_worker')!;
    expect(idle.detail?.reason).toBe('timeout');
    const end = idle.t + idle.dur;
    // The timer interrupt comes on the HZ grid; the wakeup follows in its TIMER softirq.
    const irq = r.events.find((e) => e.cat === 'irq' && e.t <= end && e.t + e.dur >= end - 2_000)!;
    expect(irq.t % ms(1)).toBe(0);
    expect(end - irq.t).toBe(r.costs.irqEntry + r.costs.timerInterrupt + r.costs.softirqEntry);
    expect(end - idle.t).toBeGreaterThanOrEqual(ms(5000));
    const soft = r.events.find((e) => e.cat === 'softirq' && e.name === 'TIMER')!;
    expect(soft.t).toBeLessThanOrEqual(end);
    expect(soft.t + soft.dur).toBeGreaterThanOrEqual(end);
    expect(r.events.some((e) => e.name === 'thread exit' && e.tid === worker.tid)).toBe(true);
  });
});
