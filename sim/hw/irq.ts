// Hardware interrupts: the interrupt controller and what a CPU does when one arrives
// (arch/x86/kernel/irq.c common_interrupt, kernel/irq/handle.c, kernel/softirq.c
// irq_enter/irq_exit).
//
// An interrupt borrows the CPU from whatever runs there: the task context's work is
// held (Scheduler.holdTask) and continues, pushed back, when the interrupt returns.
// The handler (the "top half") runs in hard-interrupt context with interrupts off on
// this CPU: interrupts that arrive meanwhile wait, latched, and run right after it.
// On the way out (irq_exit) pending softirqs run, the "bottom half", unless this CPU
// is already serving softirqs. Code in either context
// must never sleep: if it tries, the kernel says "BUG: scheduling while atomic".

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { Timer } from '../kernel/event-queue.js';
import type { KGen } from '../kernel/step.js';

/** The top half of a device's interrupt: a generator run in hard-interrupt context. */
export type IrqHandlerFn = (cpu: Cpu) => KGen<void>;

/** struct irq_desc + its irqaction: one interrupt line and who handles it. */
export interface IrqLine {
  irq: number;
  name: string;
  handler: IrqHandlerFn;
  /** smp_affinity: the CPU this line is delivered to. */
  cpu: number;
  /** How many times it fired (/proc/interrupts). */
  count: number;
}

/** An interrupt waiting for the CPU to enable interrupts again. */
export interface PendingIrq {
  /** Line number, or -1 for the local APIC timer (LOC). */
  irq: number;
  label: string;
  handler: IrqHandlerFn;
}

/** One interrupt context running on a CPU: a hard-irq handler or a run of softirqs. */
export interface IrqFrame {
  kind: 'hardirq' | 'softirq';
  cpu: Cpu;
  /** Slice name in the trace: "irq 24: eth0", "timer interrupt", "NET_RX". */
  label: string;
  gen: KGen<void>;
  timer: Timer | null;
  /** Time its current step still needed when a hard interrupt interrupted it (softirqs only). */
  left: number;
}

/** preempt_count() in each context, as __schedule_bug() prints it (+1: schedule() disables preemption). */
const HARDIRQ_COUNT = 0x00010001;
const SOFTIRQ_COUNT = 0x00000101;

export class Interrupts {
  private readonly lines = new Map<number, IrqLine>();
  private nextIrq = 24;

  constructor(private readonly k: Kernel) {}

  /** A free interrupt number for a new device (MSI vectors start above the legacy 0–23). */
  allocIrq(): number {
    return this.nextIrq++;
  }

  line(irq: number): IrqLine | undefined {
    return this.lines.get(irq);
  }

  /** request_irq(): install the top half of a line, delivered to `cpu`. */
  request(irq: number, name: string, handler: IrqHandlerFn, cpu = 0): IrqLine {
    const line: IrqLine = { irq, name, handler, cpu: Math.min(cpu, this.k.sched.cpus.length - 1), count: 0 };
    this.lines.set(irq, line);
    return line;
  }

  /** free_irq(). */
  free(irq: number): void {
    this.lines.delete(irq);
  }

  /** A device asserts its line (an MSI message reaches its CPU's local APIC). Unhandled lines are ignored. */
  raise(irq: number): void {
    const line = this.lines.get(irq);
    if (!line) return;
    const cpu = this.k.sched.cpus[line.cpu]!;
    this.deliver(cpu, { irq, label: `irq ${irq}: ${line.name}`, handler: (c) => this.count(line, c) });
  }

  private *count(line: IrqLine, cpu: Cpu): KGen<void> {
    line.count++;
    yield* line.handler(cpu);
  }

  /** An interrupt from the CPU's own local APIC (its timer). */
  raiseLocal(cpu: Cpu, label: string, handler: IrqHandlerFn): void {
    this.deliver(cpu, { irq: -1, label, handler });
  }

  /** Which context the CPU is in: for the rules of atomic context. */
  context(cpu: Cpu): 'hardirq' | 'softirq' | 'task' {
    const f = cpu.frames[cpu.frames.length - 1];
    return f ? f.kind : 'task';
  }

  private deliver(cpu: Cpu, p: PendingIrq): void {
    const top = cpu.frames[cpu.frames.length - 1];
    if (cpu.switching || top?.kind === 'hardirq') {
      // Interrupts are off: the APIC keeps one pending bit per vector, so a repeat merges.
      if (!cpu.pendingIrqs.some((q) => q.irq === p.irq)) cpu.pendingIrqs.push(p);
      return;
    }
    if (top) this.holdFrame(top);
    else this.k.sched.holdTask(cpu);
    this.enter(cpu, p);
  }

  /** Run the interrupts held back while the CPU had them off (the end of a context switch). */
  deliverHeld(cpu: Cpu): void {
    const p = cpu.pendingIrqs.shift();
    if (p) this.enter(cpu, p);
    else this.k.sched.resumeTask(cpu);
  }

  /** common_interrupt(): irq_enter, the handler, and (when it returns) irq_exit. */
  private enter(cpu: Cpu, p: PendingIrq): void {
    const k = this.k;
    const gen = (function* () {
      yield* p.handler(cpu);
      // Entry, EOI and exit: charged after the handler so that its effects keep the
      // time the interrupt arrived (a timer that expires at t wakes its sleeper at t).
      yield { op: 'cpu' as const, ns: k.costs.irqEntry, mode: 'kernel' as const };
    })();
    this.push(cpu, { kind: 'hardirq', cpu, label: p.label, gen, timer: null, left: 0 });
  }

  /** Start a softirq frame on this CPU (irq_exit → invoke_softirq → __do_softirq). */
  private enterSoftirq(cpu: Cpu): void {
    const frame: IrqFrame = { kind: 'softirq', cpu, label: 'softirq', gen: null as unknown as KGen<void>, timer: null, left: 0 };
    frame.gen = this.k.softirq.run(cpu, (label) => (frame.label = label));
    this.push(cpu, frame);
  }

  private push(cpu: Cpu, f: IrqFrame): void {
    // Each interrupt gets its own slice, even right after another of the same line.
    if (cpu.mode === 'irq' || cpu.mode === 'softirq') this.k.sched.closeSlice(cpu, this.k.now);
    cpu.frames.push(f);
    this.run(f);
  }

  /** A hard interrupt arrives on top of a softirq: its current step waits. */
  private holdFrame(f: IrqFrame): void {
    if (f.timer) {
      f.left = f.timer.time - this.k.now;
      f.timer.cancelled = true;
      f.timer = null;
    }
  }

  /** Drive an interrupt frame's code, like Kernel.advance() drives a thread's. */
  private run(f: IrqFrame): void {
    const k = this.k;
    const cpu = f.cpu;
    const mode = f.kind === 'hardirq' ? 'irq' : 'softirq';
    k.context = null;
    k.atomic = f;
    try {
      for (;;) {
        const r = f.gen.next();
        if (k.stop) return;
        if (r.done) {
          k.atomic = null;
          return this.pop(f);
        }
        const step = r.value;
        if (step.op === 'sleep') {
          this.schedulingWhileAtomic(cpu, 'kernel code in interrupt context tried to sleep');
          return;
        }
        if (step.op !== 'cpu' || step.ns <= 0) continue;
        k.sched.setMode(cpu, mode, undefined, f.label);
        const end = k.now + step.ns;
        const next = k.queue.peekTime();
        if ((next === undefined || next > end) && end <= k.opts.until && k.userThread === null) {
          k.now = end;
          continue;
        }
        f.timer = k.queue.at(end, () => {
          f.timer = null;
          this.run(f);
        });
        return;
      }
    } finally {
      k.atomic = null;
    }
  }

  /** The frame's code is done: the next latched interrupt, or softirqs on irq_exit, or back to what was interrupted. */
  private pop(f: IrqFrame): void {
    const cpu = f.cpu;
    cpu.frames.pop();
    if (f.kind === 'hardirq') {
      const p = cpu.pendingIrqs.shift();
      if (p) return this.enter(cpu, p);
      // irq_exit(): run pending softirqs, unless this CPU was already serving them (in_interrupt()):
      // then the interrupted softirq run picks the new ones up in its restart loop.
      if (cpu.softirqPending !== 0 && cpu.frames.length === 0) return this.enterSoftirq(cpu);
    }
    const below = cpu.frames[cpu.frames.length - 1];
    if (below) {
      this.k.sched.setMode(cpu, 'softirq', undefined, below.label);
      below.timer = this.k.queue.at(this.k.now + below.left, () => {
        below.timer = null;
        this.run(below);
      });
      return;
    }
    this.k.sched.resumeTask(cpu);
  }

  /**
   * __might_resched() with CONFIG_DEBUG_ATOMIC_SLEEP: a function that may sleep was called
   * in atomic context, even though this time it would not have had to.
   */
  sleepingInAtomic(cpu: Cpu, what: string, line?: number, inSoftirqThread = false): void {
    const k = this.k;
    const ctx = inSoftirqThread ? 'softirq' : this.context(cpu);
    const cur = cpu.current;
    const pid = cur ? cur.tid : 0;
    const words = `BUG: sleeping function called from invalid context at kernel/locking/mutex.c:283 (in_atomic(): 1, irqs_disabled(): ${ctx === 'hardirq' ? 1 : 0}, pid: ${pid}, name: ${cur ? cur.name : `swapper/${cpu.id}`})`;
    const where = ctx === 'hardirq' ? 'a hard-interrupt handler (top half)' : 'softirq context';
    const message = `${words}. ${what}${line ? ` at line ${line}` : ''}, in ${where} on CPU ${cpu.id}. It was free this time; when it is not, this is "scheduling while atomic". Use a spinlock here, or move the work to a workqueue.`;
    k.emit({ t: k.now, dur: 0, cat: 'note', name: 'BUG: sleeping function called from invalid context', cpu: cpu.id, line, detail: { message: words, context: ctx } });
    k.halt({ reason: 'bug', message, line });
  }

  /**
   * __schedule_bug(): atomic code tried to sleep. The kernel prints this and carries
   * on in a broken state; the simulator stops the run here, with the line that did it.
   */
  schedulingWhileAtomic(cpu: Cpu, what: string, line?: number, inSoftirqThread = false): void {
    const k = this.k;
    const ctx = inSoftirqThread ? 'softirq' : this.context(cpu);
    const count = ctx === 'hardirq' ? HARDIRQ_COUNT : SOFTIRQ_COUNT;
    const cur = cpu.current;
    const comm = cur ? `${cur.name}/${cur.tid}` : `swapper/${cpu.id}/0`;
    const words = `BUG: scheduling while atomic: ${comm}/0x${count.toString(16).padStart(8, '0')}`;
    const where = ctx === 'hardirq' ? 'a hard-interrupt handler (top half)' : 'softirq context (a bottom half that may not sleep)';
    const message = `${words}. ${what}${line ? ` at line ${line}` : ''}, in ${where} on CPU ${cpu.id}. Interrupt context has no process to put to sleep: defer such work to a workqueue, which runs in a kernel thread.`;
    k.emit({ t: k.now, dur: 0, cat: 'note', name: 'BUG: scheduling while atomic', cpu: cpu.id, line, detail: { message: words, context: ctx } });
    k.halt({ reason: 'bug', message, line });
  }
}
