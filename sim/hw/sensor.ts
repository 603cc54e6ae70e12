// A simple device for writing your own driver: a sensor that takes a reading every
// so often, leaves it in its data register and raises its interrupt line. Reading
// the register acknowledges the interrupt. If the next reading is ready before the
// driver has read the last one, the old value is overwritten: an overrun, a lost
// reading. Its character device, /dev/<name>, returns whatever the driver delivers.

import type { FileObject, OpenFile, PollTable } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { WaitQueue } from '../kernel/waitqueue.js';
import { EAGAIN, EINVAL } from '../kernel/errno.js';
import { O_DIRECT, O_NONBLOCK } from '../kernel/flags.js';
import { POLLIN, POLLRDNORM } from '../kernel/poll.js';
import { copyToUser } from '../kernel/uaccess.js';
import type { VfsNode } from '../fs/vfs.js';
import type { ReaderDriver } from './driver.js';

export interface SensorSpec {
  kind?: 'sensor';
  /** Device name: its file is /dev/<name>. */
  name: string;
  /** Time between two readings, ns. */
  every: number;
  /** When the first reading is ready (default: `every`). */
  start?: number;
  /** How many readings (default 10). */
  count?: number;
  /** The readings' values (default 20, 21, 22...). */
  values?: number[];
  /** The CPU its interrupt is delivered to (default 0). */
  cpu?: number;
}

/** How long the sensor works on a reading before it is ready (shown on its lane). */
const CONVERSION_NS = 20_000;

export class Sensor implements VfsNode {
  readonly kind = 'chr';
  readonly irq: number;
  readonly cpu: number;
  /** The data register, and whether an interrupt is waiting to be acknowledged. */
  data = 0;
  pending = false;
  readings = 0;
  overruns = 0;
  /** Bytes the driver delivered, waiting for read(). */
  readonly buffer: number[] = [];
  readonly readWait: WaitQueue;
  driver: ReaderDriver | null = null;

  constructor(
    private readonly k: Kernel,
    readonly spec: SensorSpec,
  ) {
    this.irq = k.irq.allocIrq();
    this.cpu = Math.min(spec.cpu ?? 0, k.sched.cpus.length - 1);
    this.readWait = new WaitQueue(`${spec.name} read`);
    const count = spec.count ?? 10;
    const start = spec.start ?? spec.every;
    for (let i = 0; i < count; i++) k.queue.at(start + i * spec.every, () => this.reading(i));
  }

  get name(): string {
    return this.spec.name;
  }

  /** A reading is ready: latch it in the data register and raise the line. */
  private reading(i: number): void {
    const k = this.k;
    const value = this.spec.values?.[i] ?? 20 + i;
    k.emit({ t: Math.max(0, k.now - CONVERSION_NS), dur: Math.min(k.now, CONVERSION_NS), cat: 'device', name: 'measuring', detail: { device: this.name, value } });
    if (this.pending) {
      this.overruns++;
      k.emit({ t: k.now, dur: 0, cat: 'note', name: `${this.name}: overrun`, detail: { device: this.name, lost: this.data, message: `reading ${this.data} was overwritten before the driver read it` } });
    }
    this.data = value;
    this.pending = true;
    this.readings++;
    k.irq.raise(this.irq);
  }

  /** Read the data register: the device lowers its interrupt line. */
  ack(): number {
    this.pending = false;
    return this.data;
  }

  /** The driver makes bytes readable from /dev/<name> and wakes readers (wake_up_interruptible). */
  *deliver(k: Kernel, bytes: Uint8Array): KGen<void> {
    for (const b of bytes) this.buffer.push(b);
    yield* k.wakeUp(this.readWait, POLLIN | POLLRDNORM);
  }

  open(_k: Kernel, _t: Thread, flags: number): FileObject | number {
    if (flags & O_DIRECT) return -EINVAL;
    return new SensorFile(this);
  }
}

/** /dev/<name>: a character device whose read() blocks until the driver has delivered something. */
class SensorFile implements FileObject {
  readonly kind = 'chr';
  constructor(private readonly dev: Sensor) {}
  describe(): string {
    return `/dev/${this.dev.name}`;
  }

  *read(k: Kernel, t: Thread, f: OpenFile, buf: Uint8Array, count: number): KGen<number> {
    const dev = this.dev;
    yield* work(k.costs.fileOp);
    while (dev.buffer.length === 0) {
      if (f.flags & O_NONBLOCK) return -EAGAIN;
      yield* k.sleepOn(t, dev.readWait, `${dev.name} read`);
    }
    const n = Math.min(count, dev.buffer.length);
    buf.set(dev.buffer.splice(0, n));
    yield* copyToUser(k, n);
    return n;
  }

  poll(_k: Kernel, _f: OpenFile, table: PollTable | null): number {
    if (table) table.wait(this.dev.readWait);
    return this.dev.buffer.length > 0 ? POLLIN | POLLRDNORM : 0;
  }
}
