// Copies between user and kernel memory (copy_to_user / copy_from_user,
// arch/x86/lib/copy_user_64.S). They are real CPU work on the calling thread's
// time, which is why even "asynchronous" readiness APIs leave the copy to the caller.

import type { Kernel } from './kernel.js';
import type { KGen } from './step.js';

function copyCost(k: Kernel, bytes: number): number {
  return Math.round(k.costs.copyBase + bytes * k.costs.copyPerByte);
}

export function* copyToUser(k: Kernel, bytes: number): KGen<void> {
  if (bytes > 0) yield { op: 'cpu', ns: copyCost(k, bytes), mode: 'kernel', copy: { bytes, dir: 'to_user' } };
}

export function* copyFromUser(k: Kernel, bytes: number): KGen<void> {
  if (bytes > 0) yield { op: 'cpu', ns: copyCost(k, bytes), mode: 'kernel', copy: { bytes, dir: 'from_user' } };
}
