// Running a signal handler (arch/x86/kernel/signal.c: handle_signal → setup_rt_frame,
// and rt_sigreturn). On its way back to user mode the thread does not return to where
// it was: the kernel builds a signal frame on its user stack and "returns" into the
// handler. When the handler returns, it lands in a trampoline that calls
// rt_sigreturn(), which restores the interrupted state; only then does the interrupted
// code see its system call's result.

import type { Kernel } from './kernel.js';
import type { SignalHandler, Thread } from './task.js';
import type { KGen } from './step.js';
import { work } from './step.js';
import { signalName } from './signals.js';

function* sigreturn(k: Kernel): KGen<number> {
  yield* work(k.costs.signalDelivery);
  return 0;
}

export function runSignalHandler(k: Kernel, t: Thread, sig: number, handler: SignalHandler, ret: number): void {
  const resume = t.resolveUser; // the interrupted code, waiting for its system call's result
  t.resolveUser = null;
  k.enterUserFor(t);
  Promise.resolve()
    .then(() => handler(sig))
    .then(
      () => {
        if (k.stop || t.state === 'dead') return;
        // The trampoline: rt_sigreturn(), then the interrupted code goes on.
        k.syscall(t, 'rt_sigreturn', [`{mask=[${signalName(sig)}]}`], sigreturn(k)).then(() => resume?.(ret));
      },
      (err: unknown) => k.threw(t, err),
    );
}
