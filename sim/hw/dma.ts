// A DMA engine: a device moving data to or from memory by itself, without the CPU
// (Documentation/core-api/dma-api-howto.rst). The driver maps the buffer, writes a
// descriptor (address, length, direction) and rings a doorbell; the engine then
// copies at the bus's bandwidth, one transfer after another, while every CPU is free
// to run threads or sit idle. Its transfers appear on their own lane in the trace.

import type { Kernel } from '../kernel/kernel.js';

export type DmaDirection = 'to memory' | 'from memory';

export class DmaEngine {
  /** When the engine finishes the transfers queued so far. */
  private busyUntil = 0;
  /** Bytes moved, for statistics. */
  moved = 0;

  constructor(
    private readonly k: Kernel,
    /** The trace lane it draws on, e.g. "sda DMA". */
    readonly lane: string,
    /** Nanoseconds per byte: 1e9 / bandwidth in bytes per second. */
    private readonly nsPerByte: () => number,
  ) {}

  /** Start (or queue) a transfer; `done` runs when its last byte has landed. */
  transfer(bytes: number, dir: DmaDirection, done: () => void): void {
    const k = this.k;
    const start = Math.max(k.now, this.busyUntil);
    const dur = Math.max(1, Math.ceil(bytes * this.nsPerByte()));
    this.busyUntil = start + dur;
    this.moved += bytes;
    k.queue.at(start + dur, () => {
      k.emit({ t: start, dur, cat: 'dma', name: `DMA ${dir}`, bytes, detail: { device: this.lane } });
      done();
    });
  }
}
