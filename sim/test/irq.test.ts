import { describe, it, expect } from 'vitest';
import { run, computeStats, us, ms, O_RDONLY, O_NONBLOCK, EAGAIN, type RunResult } from 'inside-io';
import { sim } from './helpers.js';

const onCpu = (r: RunResult, cpu: number) => r.events.filter((e) => e.cpu === cpu && e.cat !== 'syscall' && e.cat !== 'copy').sort((a, b) => a.t - b.t || a.seq - b.seq);

describe('hardware interrupts', () => {
  it('run the top half first, then the tasklet in softirq context on the same CPU as the interrupt returns', async () => {
    const order: string[] = [];
    const r = await sim(async (sys) => {
      await sys.request_irq('dev0', {
        top(ctx) {
          order.push(`top:${ctx.context}:${ctx.cpu}`);
          ctx.schedule_bottom(ctx.ack());
        },
        bottom(ctx, v) {
          order.push(`bottom:${ctx.context}:${ctx.cpu}:${v}`);
          ctx.udelay(5);
        },
      }, { bottom: 'tasklet' });
      await sys.nanosleep(ms(1));
    }, { devices: [{ name: 'dev0', every: us(300), count: 2, cpu: 1 }] });
    expect(order).toEqual(['top:hardirq:1', 'bottom:softirq:1:20', 'top:hardirq:1', 'bottom:softirq:1:21']);
    const cpu1 = onCpu(r, 1);
    const i = cpu1.findIndex((e) => e.cat === 'irq');
    expect(cpu1[i]!.name).toBe('irq 24: dev0');
    expect(cpu1[i + 1]!.cat).toBe('softirq');
    expect(cpu1[i + 1]!.name).toBe('TASKLET');
    expect(cpu1[i + 1]!.t).toBe(cpu1[i]!.t + cpu1[i]!.dur);
    expect(cpu1[i + 1]!.dur).toBe(r.costs.softirqEntry + 5_000);
  });

  it('push the interrupted work back by exactly the time they take', async () => {
    const prog = async (sys: import('inside-io').Sys) => {
      await sys.request_irq('dev0', { top: (ctx) => void ctx.ack() });
      await sys.compute(us(900));
    };
    const quiet = await sim(prog, { devices: [{ name: 'dev0', every: us(100), count: 0 }] });
    const busy = await sim(prog, { devices: [{ name: 'dev0', every: us(100), count: 5 }] });
    const irqTime = computeStats(busy).cpu.irq;
    expect(irqTime).toBe(5 * busy.costs.irqEntry);
    expect(busy.end - quiet.end).toBe(irqTime);
    // The computation is cut into six user-mode slices by the five interrupts.
    expect(busy.events.filter((e) => e.cat === 'user').length).toBe(6);
  });

  it('hold back interrupts that arrive while a handler runs, and run them right after', async () => {
    const r = await sim(async (sys) => {
      await sys.request_irq('a', { top: (ctx) => { ctx.ack(); ctx.udelay(50); } });
      await sys.request_irq('b', { top: (ctx) => { ctx.ack(); ctx.udelay(10); } });
      await sys.nanosleep(us(300));
    }, { devices: [{ name: 'a', every: us(100), count: 1 }, { name: 'b', every: us(120), count: 1 }] });
    const irqs = r.events.filter((e) => e.cat === 'irq').sort((x, y) => x.t - y.t);
    expect(irqs.map((e) => e.name)).toEqual(['irq 24: a', 'irq 25: b', 'timer interrupt']);
    expect(irqs[1]!.t).toBe(irqs[0]!.t + irqs[0]!.dur); // b waited for a
  });

  it('let a hard interrupt interrupt a softirq, which then resumes', async () => {
    const r = await sim(async (sys) => {
      await sys.request_irq('slow', { top: (ctx) => ctx.schedule_bottom(ctx.ack()), bottom: (ctx) => ctx.udelay(100) }, { bottom: 'tasklet' });
      await sys.request_irq('fast', { top: (ctx) => void ctx.ack() });
      await sys.nanosleep(us(500));
    }, { devices: [{ name: 'slow', every: us(100), count: 1 }, { name: 'fast', every: us(150), count: 1 }] });
    const cpu0 = onCpu(r, 0).filter((e) => e.cat === 'irq' || e.cat === 'softirq');
    expect(cpu0.map((e) => `${e.cat}:${e.name}`)).toEqual(['irq:irq 24: slow', 'softirq:TASKLET', 'irq:irq 25: fast', 'softirq:TASKLET', 'irq:timer interrupt']);
    const [, s1, fast, s2] = cpu0;
    expect(s1!.t + s1!.dur).toBe(fast!.t);
    expect(s2!.t).toBe(fast!.t + fast!.dur);
    expect(s1!.dur + s2!.dur).toBe(r.costs.softirqEntry + 100_000);
  });

  it('hand a softirq flood over to ksoftirqd after 2 ms, which then competes with threads for the CPU', async () => {
    const r = await run(async (sys) => {
      await sys.request_irq('flood', { top: (ctx) => ctx.schedule_bottom(ctx.ack()), bottom: (ctx) => ctx.udelay(150) }, { bottom: 'tasklet' });
      await sys.compute(ms(6));
    }, { cpus: 1, devices: [{ name: 'flood', every: us(100), count: 60 }], until: ms(20) });
    const ksoftirqd = r.threads.find((t) => t.name === 'ksoftirqd/0')!;
    expect(ksoftirqd).toBeDefined();
    const inThread = r.events.filter((e) => e.cat === 'softirq' && e.tid === ksoftirqd.tid);
    expect(inThread.length).toBeGreaterThan(0);
    expect(inThread.every((e) => e.name === 'TASKLET')).toBe(true);
    // No single softirq run at irq exit lasts much past the 2 ms limit.
    const atIrqExit = r.events.filter((e) => e.cat === 'softirq' && e.tid === undefined);
    expect(Math.max(...atIrqExit.map((e) => e.dur))).toBeLessThan(ms(2.5));
    expect(r.stop.reason).toBe('exit');
  });

  it('stop with "scheduling while atomic" when a top half makes a blocking system call', async () => {
    const r = await run(async (sys) => {
      const fd = await sys.open('/dev/dev0', O_RDONLY);
      await sys.request_irq('dev0', {
        top(ctx) {
          ctx.ack();
          void sys.read(fd, new Uint8Array(8));
        },
      });
      await sys.nanosleep(ms(1));
    }, { devices: [{ name: 'dev0', every: us(200), count: 1 }] });
    expect(r.stop.reason).toBe('bug');
    expect(r.stop.message).toMatch(/^BUG: scheduling while atomic: swapper\/0\/0\/0x00010001\. read\(\), a system call that can block, was called/);
  });

  it('stop with "scheduling while atomic" when a tasklet sleeps (softirq context)', async () => {
    const r = await run(async (sys) => {
      await sys.request_irq('dev0', { top: (ctx) => ctx.schedule_bottom(ctx.ack()), bottom: (ctx) => ctx.msleep(1) }, { bottom: 'tasklet' });
      await sys.compute(ms(1));
    }, { devices: [{ name: 'dev0', every: us(200), count: 1 }] });
    expect(r.stop.reason).toBe('bug');
    expect(r.stop.message).toMatch(/^BUG: scheduling while atomic: main\/1\/0x00000101\. msleep\(1\) tried to sleep, in softirq context/);
  });

  it('a mutex: fine in a workqueue (it waits for the holder); in a top half, a BUG even when it is free', async () => {
    const ok = await sim(async (sys) => {
      await sys.request_irq('dev0', {
        top: (ctx) => ctx.schedule_bottom(ctx.ack()),
        bottom: (ctx) => {
          ctx.mutex_lock();
          ctx.msleep(0.3); // holds it across a sleep: the next work item must wait
          ctx.mutex_unlock();
        },
      });
      await sys.nanosleep(ms(2));
    }, { devices: [{ name: 'dev0', every: us(100), count: 2 }] });
    expect(ok.stop.reason).toBe('exit');
    const bad = await run(async (sys) => {
      await sys.request_irq('dev0', {
        top: (ctx) => {
          ctx.ack();
          ctx.mutex_lock();
          ctx.mutex_unlock();
        },
      });
      await sys.nanosleep(ms(1));
    }, { devices: [{ name: 'dev0', every: us(100), count: 1 }] });
    expect(bad.stop.reason).toBe('bug');
    expect(bad.stop.message).toMatch(/^BUG: sleeping function called from invalid context at kernel\/locking\/mutex\.c:283 \(in_atomic\(\): 1, irqs_disabled\(\): 1/);
  });

  it('request_irq fails for unknown devices and twice for the same one; the device file works without a driver', async () => {
    const r = await sim(async (sys) => {
      expect(await sys.request_irq('nope', { top: () => {} })).toBe(-1);
      expect(await sys.request_irq('dev0', { top: (ctx) => void ctx.ack() })).toBe(0);
      expect(await sys.request_irq('dev0', { top: () => {} })).toBe(-1);
      const fd = await sys.open('/dev/dev0', O_RDONLY | O_NONBLOCK);
      expect(await sys.read(fd, new Uint8Array(4))).toBe(-1);
      expect(sys.errno).toBe(EAGAIN);
      expect(await sys.open('/dev/none', O_RDONLY)).toBe(-1);
      expect(await sys.free_irq('dev0')).toBe(0);
    }, { devices: [{ name: 'dev0', every: us(200) }] });
    expect(r.events.filter((e) => e.cat === 'syscall' && e.name === 'request_irq').map((e) => e.errno ?? 'ok')).toEqual(['ENODEV', 'ok', 'EBUSY']);
  });

  it('are deterministic', async () => {
    const prog = async (sys: import('inside-io').Sys) => {
      await sys.request_irq('dev0', { top: (ctx) => ctx.schedule_bottom(ctx.ack()), bottom: (ctx, v) => { ctx.msleep(0.05); ctx.deliver(String(v)); } });
      const fd = await sys.open('/dev/dev0', O_RDONLY);
      const a = await sys.pthread_create(async (t) => t.compute(ms(3)));
      for (let i = 0; i < 4; i++) await sys.read(fd, new Uint8Array(8));
      await sys.pthread_join(a);
    };
    const w = { cpus: 2, devices: [{ name: 'dev0', every: us(333), count: 8, cpu: 1 }] };
    const one = await sim(prog, w);
    const two = await sim(prog, w);
    expect(JSON.stringify(two.events)).toBe(JSON.stringify(one.events));
  });
});
