// Driver calls on the thread's handle: your program registering interrupt handlers.

import { SocketCalls } from '../fs/calls-socket.js';
import { irqOf, sysFreeIrq, sysRequestIrq } from './sys-irq.js';
import type { IrqHandlers, RequestIrqOptions } from './driver.js';

export class IrqCalls extends SocketCalls {
  /**
   * request_irq(): handle the interrupts of device `dev` (a name from world.devices).
   * `handlers.top` runs in hard-interrupt context for each interrupt; what it passes to
   * ctx.schedule_bottom() goes to `handlers.bottom`, run by a workqueue (default) or a
   * tasklet (`{ bottom: 'tasklet' }`). In Linux a driver module does this when it loads.
   */
  request_irq(dev: string, handlers: IrqHandlers, opts: RequestIrqOptions = {}): Promise<number> {
    const irq = irqOf(this.k, dev);
    return this.call('request_irq', [irq === undefined ? '?' : String(irq), `"${dev}"`, 'top', opts.bottom ?? 'workqueue'], sysRequestIrq(this.k, this.t, dev, handlers, opts));
  }

  /** free_irq(): remove the handlers installed by request_irq(). */
  free_irq(dev: string): Promise<number> {
    const irq = irqOf(this.k, dev);
    return this.call('free_irq', [irq === undefined ? '?' : String(irq), `"${dev}"`], sysFreeIrq(this.k, this.t, dev));
  }
}
