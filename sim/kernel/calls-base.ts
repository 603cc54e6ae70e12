// The handle a thread's code receives: its methods are the system calls. Each
// thread has its own handle (its own errno), as each C thread has its own errno.

import type { Kernel } from './kernel.js';
import type { SyscallInProgress, Thread } from './task.js';
import type { KGen } from './step.js';

const encoder = new TextEncoder();

export class SysBase {
  /** @internal */
  protected readonly k: Kernel;
  /** @internal */
  protected readonly t: Thread;

  /** @internal */
  constructor(k: Kernel, t: Thread) {
    this.k = k;
    this.t = t;
  }

  /** The error number of this thread's last failed system call (like C's errno). */
  get errno(): number {
    return this.t.errno;
  }
  set errno(value: number) {
    this.t.errno = value;
  }

  /** @internal */
  protected call(name: string, args: SyscallInProgress['args'], body: KGen<number>): Promise<number> {
    return this.k.syscall(this.t, name, args, body);
  }

  /** @internal */
  protected userWork(name: string, body: KGen<number>): Promise<number> {
    return this.k.syscall(this.t, name, [], body, true);
  }

  /** @internal */
  protected static bytes(data: Uint8Array | string): Uint8Array {
    return typeof data === 'string' ? encoder.encode(data) : data;
  }
}
