// How kernel code is written in the simulator. A system call is a generator that
// runs on the calling thread's kernel stack and yields whenever real time would pass:
// burning CPU (`cpu`), or going to sleep on a wait queue (`sleep`), exactly the two
// ways Linux kernel code spends time. The scheduler drives the generators.

/** 'softirq' is kernel code that runs softirq handlers in a thread (ksoftirqd). */
export type CpuMode = 'kernel' | 'user' | 'softirq';

export type Step =
  /** Occupy the current CPU for `ns` nanoseconds in the given mode. */
  | { op: 'cpu'; ns: number; mode: CpuMode; copy?: CopyInfo; label?: string }
  /** Give up the CPU until woken (the caller has already queued itself on a wait queue). */
  | { op: 'sleep' }
  /** Give up the CPU but stay runnable (end of timeslice: the thread goes to the back of the run queue). */
  | { op: 'yield' };

export interface CopyInfo {
  bytes: number;
  /** 'to_user' is copy_to_user (kernel → user), 'from_user' is copy_from_user. */
  dir: 'to_user' | 'from_user';
}

/** A piece of kernel code: yields Steps, returns a value (a syscall returns ≥ 0 or -errno). */
export type KGen<T = number> = Generator<Step, T, unknown>;

const NOTHING: readonly Step[] = [];
/** Kernel-mode steps by duration: costs are a handful of constants, and steps are only read. */
const workSteps = new Map<number, readonly Step[]>();

/**
 * Burn kernel-mode CPU time: `yield* work(ns)`. Not a generator but a one-step list,
 * shared between calls of the same duration: the commonest step in the kernel costs no
 * allocation (a generator and a step object each time, otherwise).
 */
export function work(ns: number): Iterable<Step> {
  if (!(ns > 0)) return NOTHING;
  let steps = workSteps.get(ns);
  if (!steps) {
    steps = [{ op: 'cpu', ns, mode: 'kernel' }];
    if (workSteps.size < 10_000) workSteps.set(ns, steps);
  }
  return steps;
}
