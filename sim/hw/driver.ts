// Writing a driver from an example program: request_irq() for a simulated device, a
// top half that runs in hard-interrupt context, and a bottom half deferred to a
// tasklet (softirq context) or a workqueue (a kernel thread: process context).
//
// In Linux a driver is kernel code loaded as a module; here the reader's program plays
// that part. Handlers are plain synchronous functions that receive a context object
// (IrqContext) whose methods are the few kernel services a handler uses. Calling them
// records what the handler does (spend CPU, sleep, deliver data, defer work); the
// kernel then plays that back at the right times, in the right context. Sleeping where
// the context forbids it stops the run with the kernel's own "BUG: scheduling while
// atomic" and the line that did it.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { Process, Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import type { Sensor } from './sensor.js';

/** Where handler code runs: 'hardirq' (top half), 'softirq' (a tasklet), 'process' (a workqueue). */
export type HandlerContextKind = 'hardirq' | 'softirq' | 'process';

/** What a handler may call: the kernel services of a small driver. */
export interface IrqContext {
  /** Where this code runs. In 'hardirq' and 'softirq' it must never sleep. */
  readonly context: HandlerContextKind;
  /** The CPU it runs on. */
  readonly cpu: number;
  /** Read the device's data register. This acknowledges the interrupt: the device lowers its line. */
  ack(): number;
  /** Defer the rest to the bottom half, which will receive `arg` (tasklet_schedule / schedule_work). */
  schedule_bottom(arg?: unknown): void;
  /** Make `data` readable from /dev/<device> and wake its readers (wake_up_interruptible). */
  deliver(data: string | Uint8Array): void;
  /** Busy-wait for `us` microseconds (udelay): allowed anywhere, but the CPU does nothing else. */
  udelay(us: number): void;
  /** Busy-wait for `ms` milliseconds (mdelay). */
  mdelay(ms: number): void;
  /** Sleep for `ms` milliseconds (msleep): only in process context. */
  msleep(ms: number): void;
  /** A line in the kernel log (dmesg), shown in the trace. */
  printk(text: string): void;
  /** mutex_lock() on the driver's mutex: waits (sleeps) while another context holds it. Only in process context. */
  mutex_lock(): void;
  /** mutex_unlock(). */
  mutex_unlock(): void;
}

/** The handlers a program registers with request_irq(). */
export interface IrqHandlers {
  /** The top half: runs in hard-interrupt context as soon as the interrupt arrives. */
  top(ctx: IrqContext): void;
  /** The bottom half: runs later, with whatever the top half passed to schedule_bottom(). */
  bottom?(ctx: IrqContext, arg: unknown): void;
}

export interface RequestIrqOptions {
  /** How the bottom half is deferred: 'workqueue' (process context, may sleep; the default) or 'tasklet' (softirq context). */
  bottom?: 'workqueue' | 'tasklet';
}

/** One recorded action of a handler, played back by the kernel. */
type Op =
  | { kind: 'cpu'; ns: number }
  | { kind: 'run'; gen: () => KGen<void> }
  | { kind: 'sleep'; ns: number; what: string; line: number | undefined }
  | { kind: 'lock'; line: number | undefined }
  | { kind: 'unlock' };

const encoder = new TextEncoder();

/** A driver registered by a program: its device, handlers and owner. */
export class ReaderDriver {
  /** The driver's mutex (struct mutex): who holds it, and who waits. */
  private readonly mutex = { owner: null as Thread | null, wait: new WaitQueue('mutex') };

  constructor(
    readonly k: Kernel,
    readonly owner: Process,
    readonly dev: Sensor,
    private readonly handlers: IrqHandlers,
    private readonly opts: RequestIrqOptions,
  ) {}

  /** The interrupt's top half. */
  *top(cpu: Cpu): KGen<void> {
    yield* this.play(cpu, 'hardirq', null, (ctx) => this.handlers.top(ctx));
  }

  /** Call a handler with a recording context, then play back what it did. */
  private *play(cpu: Cpu, context: HandlerContextKind, thread: Thread | null, fn: (ctx: IrqContext) => void): KGen<void> {
    const k = this.k;
    const ops: Op[] = [];
    const rec = new Recorder(this, cpu, context, ops);
    k.inHandler = rec;
    let result: unknown;
    try {
      result = fn(rec);
    } catch (err) {
      rec.closed = true;
      k.inHandler = null;
      this.oops(err);
      return;
    }
    rec.closed = true;
    k.inHandler = null;
    if (result instanceof Promise) {
      result.catch(() => undefined);
      ops.push({ kind: 'run', gen: () => this.note('handlers run synchronously: do not make them async or await in them') });
    }
    const m = this.mutex;
    for (const op of ops) {
      if (op.kind === 'cpu') yield* work(op.ns);
      else if (op.kind === 'run') yield* op.gen();
      else if (op.kind === 'unlock') {
        m.owner = null;
        yield* k.wakeUp(m.wait);
      } else if (context === 'process' && thread) {
        if (op.kind === 'sleep') yield* k.sleepOn(thread, [], 'msleep', op.ns);
        else {
          while (m.owner) yield* k.sleepOn(thread, m.wait, 'mutex_lock', undefined, true);
          m.owner = thread;
        }
      } else if (op.kind === 'lock' && !m.owner) {
        // Free, so it would not even sleep: a debug kernel (CONFIG_DEBUG_ATOMIC_SLEEP) still catches it in might_sleep().
        k.irq.sleepingInAtomic(cpu, 'mutex_lock() may sleep and was called', op.line, k.atomic === null);
        return;
      } else {
        k.irq.schedulingWhileAtomic(cpu, op.kind === 'lock' ? 'mutex_lock() found the mutex held and tried to sleep' : op.what, op.line, k.atomic === null);
        return;
      }
    }
  }

  /** schedule_bottom(): a tasklet on this CPU, or work on this CPU's kworker. */
  deferBottom(cpu: Cpu, arg: unknown): void {
    const bottom = this.handlers.bottom;
    if (!bottom) return;
    const name = `${this.dev.name} bottom half`;
    const call = (ctx: IrqContext) => bottom.call(this.handlers, ctx, arg);
    if (this.opts.bottom === 'tasklet') {
      this.k.softirq.taskletSchedule(cpu, { name, run: (c) => this.play(c, 'softirq', null, call) });
    } else {
      this.k.workqueue.queue(cpu, { name, run: (t, c) => this.play(c, 'process', t, call) });
    }
  }

  private *note(message: string): KGen<void> {
    this.k.emit({ t: this.k.now, dur: 0, cat: 'note', name: 'hint', pid: this.owner.pid, detail: { message } });
  }

  /** The handler threw: in the kernel that is an oops; here the run stops with the error. */
  private oops(err: unknown): void {
    const k = this.k;
    const e = err instanceof Error ? err : new Error(String(err));
    const line = k.opts.lineOf(e.stack);
    const message = `Oops in the ${this.dev.name} interrupt handler: ${e.name}: ${e.message}`;
    k.errors.push({ pid: this.owner.pid, tid: this.owner.pid, message, line });
    k.emit({ t: k.now, dur: 0, cat: 'note', name: 'oops', pid: this.owner.pid, line, detail: { message } });
    k.halt({ reason: 'error', message, line });
  }
}

/** The IrqContext a handler receives: each call records an op (or acts at once, for ack). */
class Recorder implements IrqContext {
  closed = false;
  readonly cpu: number;
  constructor(
    private readonly driver: ReaderDriver,
    private readonly cpuObj: Cpu,
    readonly context: HandlerContextKind,
    private readonly ops: Op[],
  ) {
    this.cpu = cpuObj.id;
  }

  private use(what: string): void {
    if (this.closed) throw new Error(`${what} was called after the handler returned: handlers run synchronously, so do not await inside them.`);
  }

  ack(): number {
    this.use('ack()');
    return this.driver.dev.ack();
  }

  schedule_bottom(arg?: unknown): void {
    this.use('schedule_bottom()');
    this.ops.push({ kind: 'run', gen: () => once(() => this.driver.deferBottom(this.cpuObj, arg)) });
  }

  deliver(data: string | Uint8Array): void {
    this.use('deliver()');
    const bytes = typeof data === 'string' ? encoder.encode(data) : data.slice();
    const k = this.k;
    this.ops.push({ kind: 'run', gen: () => this.driver.dev.deliver(k, bytes) });
  }

  udelay(us: number): void {
    this.use('udelay()');
    this.ops.push({ kind: 'cpu', ns: Math.max(0, Math.round(us * 1_000)) });
  }

  mdelay(ms: number): void {
    this.use('mdelay()');
    this.ops.push({ kind: 'cpu', ns: Math.max(0, Math.round(ms * 1_000_000)) });
  }

  msleep(ms: number): void {
    this.use('msleep()');
    this.ops.push({ kind: 'sleep', ns: Math.max(0, Math.round(ms * 1_000_000)), what: `msleep(${ms}) tried to sleep`, line: this.line() });
  }

  mutex_lock(): void {
    this.use('mutex_lock()');
    this.ops.push({ kind: 'lock', line: this.line() });
  }

  mutex_unlock(): void {
    this.use('mutex_unlock()');
    this.ops.push({ kind: 'unlock' });
  }

  printk(text: string): void {
    this.use('printk()');
    const k = this.k;
    const pid = this.driver.owner.pid;
    this.ops.push({ kind: 'run', gen: () => once(() => k.emit({ t: k.now, dur: 0, cat: 'note', name: 'printk', cpu: this.cpu, pid, detail: { message: String(text) } })) });
  }

  /** A system call made from inside a handler: interrupt context cannot block, and a kworker has no user space. */
  syscall(name: string, line: number | undefined): Promise<number> {
    if (this.context === 'process') {
      throw new Error(`${name}() cannot be called from a workqueue handler: kernel code has no system calls (it would call the kernel function directly).`);
    }
    this.ops.push({ kind: 'sleep', ns: 0, what: `${name}(), a system call that can block, was called`, line });
    return new Promise<number>(() => {});
  }

  private get k(): Kernel {
    return this.driver.k;
  }

  private line(): number | undefined {
    return this.k.opts.lineOf(new Error().stack);
  }
}

function* once(fn: () => void): KGen<void> {
  fn();
}
