// request_irq() and free_irq() for a program that plays a device driver
// (kernel/irq/manage.c request_threaded_irq, free_irq).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { EBUSY, EINVAL, ENODEV, ENOENT } from '../kernel/errno.js';
import { Sensor } from './sensor.js';
import { ReaderDriver, type IrqHandlers, type RequestIrqOptions } from './driver.js';

function deviceNamed(k: Kernel, name: string): Sensor | null {
  const node = k.vfs.lookup(`/dev/${name}`);
  return node instanceof Sensor ? node : null;
}

/** request_irq(): install the program's top half on the device's interrupt line. */
export function* sysRequestIrq(k: Kernel, t: Thread, name: string, handlers: IrqHandlers, opts: RequestIrqOptions): KGen<number> {
  yield* work(k.costs.fileOp);
  const dev = deviceNamed(k, name);
  if (!dev) {
    k.hint(t, `request_irq: there is no device "${name}" in this world (world.devices lists them).`);
    return -ENODEV;
  }
  if (!handlers || typeof handlers.top !== 'function') return -EINVAL;
  if (opts.bottom !== undefined && opts.bottom !== 'workqueue' && opts.bottom !== 'tasklet') return -EINVAL;
  if (dev.driver) return -EBUSY;
  const driver = new ReaderDriver(k, t.process, dev, handlers, opts);
  dev.driver = driver;
  k.irq.request(dev.irq, name, (cpu) => driver.top(cpu), dev.cpu);
  return 0;
}

/** free_irq(). */
export function* sysFreeIrq(k: Kernel, t: Thread, name: string): KGen<number> {
  yield* work(k.costs.fileOp);
  const dev = deviceNamed(k, name);
  if (!dev || dev.driver?.owner !== t.process) return -ENOENT;
  dev.driver = null;
  k.irq.free(dev.irq);
  return 0;
}

/** The interrupt number of a device (for strace-style output). */
export function irqOf(k: Kernel, name: string): number | undefined {
  return deviceNamed(k, name)?.irq;
}
