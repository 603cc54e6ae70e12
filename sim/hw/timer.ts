// Each CPU's local timer (the local APIC timer in one-shot mode) and the
// high-resolution timers it fires (kernel/time/hrtimer.c, kernel/time/tick-sched.c).
//
// Every timed event of the kernel is an hrtimer on some CPU: a sleep's timeout
// (hrtimer_wakeup), and the scheduler tick itself (tick_sched_timer). When the
// earliest one expires, the CPU takes a "timer interrupt" (LOC in /proc/interrupts),
// whose handler, hrtimer_interrupt(), runs every expired timer. The tick runs HZ
// times a second on a busy CPU (scheduler_tick: is the running thread's timeslice
// used up while others wait? then need_resched); an idle CPU stops its tick
// (NO_HZ_IDLE), so an idle machine takes no interrupts at all.
// Coarser kernel timers (struct timer_list: schedule_timeout, msleep-style waits, the
// networking timers) live in the timer wheel, counted in jiffies: the timer interrupt
// raises the TIMER softirq when one is due, and that softirq runs them.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { Timer } from '../kernel/event-queue.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { TIMER_SOFTIRQ } from './softirq.js';

/** struct hrtimer: run `fn` in the timer interrupt of `cpu` at `time`. */
export class Hrtimer {
  cancelled = false;
  event: Timer | null = null;
  constructor(
    readonly time: number,
    readonly fn: () => void,
    readonly cpu: number,
    readonly seq: number,
  ) {}
}

/** struct timer_list: a timer-wheel timer, expiring on a jiffy, run by the TIMER softirq. */
export class WheelTimer extends Hrtimer {
  /** The hrtimer that makes sure the CPU takes a timer interrupt at that jiffy, tick or no tick. */
  wake: Hrtimer | null = null;
}

export class Timers {
  private readonly active: Hrtimer[][];
  private readonly wheel: WheelTimer[][];
  private readonly ticks: (Hrtimer | null)[];
  private seq = 0;
  /** Nanoseconds between ticks: 1e9 / HZ. */
  readonly tickPeriod: number;

  constructor(private readonly k: Kernel, hz: number) {
    const n = k.sched.cpus.length;
    this.active = Array.from({ length: n }, () => []);
    this.ticks = Array.from({ length: n }, () => null);
    this.wheel = Array.from({ length: n }, () => []);
    this.tickPeriod = Math.round(1e9 / hz);
    k.softirq.open(TIMER_SOFTIRQ, (cpu) => this.runTimerSoftirq(cpu));
  }

  /**
   * add_timer() for `delay` ns from now, rounded up to whole jiffies plus one, as
   * schedule_timeout() and msleep() do: it expires on the HZ grid.
   */
  addTimer(cpu: number, delay: number, fn: () => void): WheelTimer {
    const p = this.tickPeriod;
    const expires = (Math.floor(this.k.now / p) + Math.ceil(Math.max(0, delay) / p) + 1) * p;
    const w = new WheelTimer(expires, fn, cpu, this.seq++);
    this.wheel[cpu]!.push(w);
    // With NO_HZ the CPU's next timer event is programmed for it (tick_nohz_next_event).
    w.wake = this.start(cpu, expires, () => undefined);
    return w;
  }

  /** run_timer_softirq() → __run_timers(): the wheel timers due on this CPU. */
  private *runTimerSoftirq(cpu: Cpu): KGen<void> {
    const list = this.wheel[cpu.id]!;
    const due = list.filter((w) => w.time <= this.k.now).sort((a, b) => a.time - b.time || a.seq - b.seq);
    for (const w of due) {
      list.splice(list.indexOf(w), 1);
      w.cancelled = true;
      w.fn();
    }
  }

  /** hrtimer_start(): arm a timer on a CPU. */
  start(cpu: number, time: number, fn: () => void): Hrtimer {
    const h = new Hrtimer(Math.max(time, this.k.now), fn, cpu, this.seq++);
    this.active[cpu]!.push(h);
    h.event = this.k.queue.at(h.time, () => this.expire(cpu));
    return h;
  }

  /** hrtimer_cancel() / del_timer(): the clock event device is reprogrammed, so no interrupt comes for it. */
  cancel(h: Hrtimer): void {
    if (h.cancelled) return;
    if (h instanceof WheelTimer) {
      h.cancelled = true;
      const list = this.wheel[h.cpu]!;
      const i = list.indexOf(h);
      if (i >= 0) list.splice(i, 1);
      if (h.wake) this.cancel(h.wake);
      return;
    }
    h.cancelled = true;
    if (h.event) h.event.cancelled = true;
    const list = this.active[h.cpu]!;
    const i = list.indexOf(h);
    if (i >= 0) list.splice(i, 1);
  }

  /** The local timer fires: take the interrupt, unless all that expired is the tick of a CPU gone idle. */
  private expire(cpuId: number): void {
    const cpu = this.k.sched.cpus[cpuId]!;
    const tick = this.ticks[cpuId];
    if (tick && tick.time <= this.k.now && !cpu.current && cpu.frames.length === 0) {
      this.ticks[cpuId] = null; // tick_nohz_idle_stop_tick()
      this.cancel(tick);
    }
    if (!this.active[cpuId]!.some((h) => h.time <= this.k.now)) return;
    this.k.irq.raiseLocal(cpu, 'timer interrupt', (c) => this.interrupt(c));
  }

  /** hrtimer_interrupt(): run every expired timer of this CPU, earliest first. */
  private *interrupt(cpu: Cpu): KGen<void> {
    const now = this.k.now;
    const list = this.active[cpu.id]!;
    const due = list.filter((h) => h.time <= now).sort((a, b) => a.time - b.time || a.seq - b.seq);
    for (const h of due) {
      this.cancel(h);
      h.fn();
    }
    // run_local_timers(): wheel timers due? Their softirq runs on the way out.
    if (this.wheel[cpu.id]!.some((w) => w.time <= now)) this.k.softirq.raise(cpu, TIMER_SOFTIRQ);
    yield* work(this.k.costs.timerInterrupt);
  }

  /** The CPU has a thread to run: make sure its tick is running (tick_nohz_idle_exit), on the HZ grid. */
  startTick(cpu: Cpu): void {
    if (this.ticks[cpu.id]) return;
    const p = this.tickPeriod;
    const next = (Math.floor(this.k.now / p) + 1) * p;
    this.ticks[cpu.id] = this.start(cpu.id, next, () => this.tick(cpu));
  }

  /** tick_sched_timer() → scheduler_tick(): account, check the timeslice, re-arm while busy. */
  private tick(cpu: Cpu): void {
    const k = this.k;
    this.ticks[cpu.id] = null;
    const t = cpu.current;
    if (!t) return; // idle: the tick stops
    if (t.state === 'running' && k.now - t.sliceStart >= k.costs.timeslice && k.sched.waitingFor(cpu)) cpu.needResched = true;
    this.ticks[cpu.id] = this.start(cpu.id, k.now + this.tickPeriod, () => this.tick(cpu));
  }
}
