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

/** Burn kernel-mode CPU time. */
export function* work(ns: number): KGen<void> {
  if (ns > 0) yield { op: 'cpu', ns, mode: 'kernel' };
}
