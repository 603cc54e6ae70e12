// A disk and its driver (think drivers/ata/ahci.c: one hardware queue, command slots,
// one interrupt). The driver writes a command for each request and rings the
// doorbell; the device finds the data (flash access, or seek and rotation on a hard
// disk) and its DMA engine moves it to or from memory; then it raises its interrupt.
// The top half collects the finished commands and hands them to the block layer,
// whose BLOCK softirq ends them and wakes the waiters. No CPU is involved in between.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { KGen } from '../kernel/step.js';
import { DmaEngine } from './dma.js';
import { RequestQueue, SECTOR_SIZE, type BlockDriver, type Request, type SchedulerName } from './blk.js';

export interface DiskSpec {
  /** 'ssd' (default): a SATA flash drive; 'hdd': a 7200 rpm hard disk, where seeks make order matter. */
  kind?: 'ssd' | 'hdd';
  /** Device name (default "sda"). */
  name?: string;
  /** Time to find the data of one request, ns (SSD default: costs.diskLatency; HDD: seek + half a rotation). */
  latency?: number;
  /** Transfer rate in bytes per second (default: 1e9 / costs.diskNsPerByte). */
  bandwidth?: number;
  /** Commands the device accepts at once (NCQ). Default 32 for an SSD, 1 for the HDD so the kernel's scheduler does the ordering. */
  queueDepth?: number;
  /** The I/O scheduler: 'mq-deadline' (default) or 'none'. */
  scheduler?: SchedulerName;
  /** The CPU its interrupt is delivered to (default 0). */
  cpu?: number;
}

/** A 7200 rpm disk turns once in 8.33 ms: on average the sector is half a turn away. */
const HDD_ROTATION_HALF = 4_166_667;
/** Track-to-track seek, and the extra per GiB of distance (a full stroke is ~ 8-9 ms). */
const HDD_SEEK_MIN = 500_000;
const HDD_SEEK_PER_GIB = 100_000;
const SECTORS_PER_GIB = (1 << 30) / SECTOR_SIZE;
const BLOCK = 4096;

/** The disk's content: 4 KiB blocks, zero until written. */
export class BlockStore {
  private readonly blocks = new Map<number, Uint8Array>();

  read(sector: number, dst: Uint8Array, off: number, len: number): void {
    this.each(sector, len, (blk, at, n, done) => {
      const b = this.blocks.get(blk);
      if (b) dst.set(b.subarray(at, at + n), off + done);
      else dst.fill(0, off + done, off + done + n);
    });
  }

  write(sector: number, src: Uint8Array, off: number, len: number): void {
    this.each(sector, len, (blk, at, n, done) => {
      let b = this.blocks.get(blk);
      if (!b) this.blocks.set(blk, (b = new Uint8Array(BLOCK)));
      b.set(src.subarray(off + done, off + done + n), at);
    });
  }

  private each(sector: number, len: number, fn: (blk: number, at: number, n: number, done: number) => void): void {
    let byte = sector * SECTOR_SIZE;
    let done = 0;
    while (done < len) {
      const blk = Math.floor(byte / BLOCK);
      const at = byte % BLOCK;
      const n = Math.min(BLOCK - at, len - done);
      fn(blk, at, n, done);
      done += n;
      byte += n;
    }
  }
}

export class Disk implements BlockDriver {
  readonly name: string;
  readonly kind: 'ssd' | 'hdd';
  readonly irq: number;
  readonly cpu: number;
  readonly queue: RequestQueue;
  readonly dma: DmaEngine;
  readonly store = new BlockStore();
  /** Finished commands the interrupt handler has not collected yet. */
  private readonly finished: Request[] = [];
  /** Where the HDD's head is, in sectors. */
  private headAt = 0;

  constructor(
    private readonly k: Kernel,
    readonly spec: DiskSpec,
  ) {
    this.name = spec.name ?? 'sda';
    this.kind = spec.kind ?? 'ssd';
    this.cpu = Math.min(spec.cpu ?? 0, k.sched.cpus.length - 1);
    this.irq = k.irq.allocIrq();
    const nsPerByte = spec.bandwidth ? 1e9 / spec.bandwidth : undefined;
    this.dma = new DmaEngine(k, `${this.name} DMA`, () => nsPerByte ?? k.costs.diskNsPerByte);
    const depth = spec.queueDepth ?? (this.kind === 'hdd' ? 1 : 32);
    this.queue = new RequestQueue(k, this, depth, spec.scheduler ?? 'mq-deadline');
    k.irq.request(this.irq, this.name, (cpu) => this.interrupt(cpu), this.cpu);
  }

  /** How long the device needs before data moves: flash access, or seek plus rotation. */
  private accessTime(rq: Request): number {
    if (this.spec.latency !== undefined) return this.spec.latency;
    if (this.kind === 'ssd') return this.k.costs.diskLatency;
    const distance = Math.abs(rq.sector - this.headAt);
    const seek = distance === 0 ? 0 : HDD_SEEK_MIN + Math.round((distance / SECTORS_PER_GIB) * HDD_SEEK_PER_GIB);
    return seek + HDD_ROTATION_HALF;
  }

  /** ->queue_rq(): the command goes to the device. Reads: find, then DMA to memory. Writes: DMA from memory, then store. */
  queueRq(rq: Request): void {
    const k = this.k;
    const access = this.accessTime(rq);
    this.headAt = rq.sector + rq.bytes / SECTOR_SIZE;
    const label = `${rq.op === 'read' ? 'READ' : 'WRITE'} ${rq.bytes / 1024} KiB @ sector ${rq.sector}`;
    const detail = { device: this.name, sector: rq.sector, bytes: rq.bytes, bios: rq.bios.length, tag: rq.tag };
    const finish = (): void => {
      this.finished.push(rq);
      k.irq.raise(this.irq);
    };
    if (rq.op === 'read') {
      const start = k.now;
      k.queue.at(start + access, () => {
        k.emit({ t: start, dur: access, cat: 'device', name: label, detail });
        this.dma.transfer(rq.bytes, 'to memory', () => {
          this.moveData(rq);
          finish();
        });
      });
    } else {
      this.dma.transfer(rq.bytes, 'from memory', () => {
        this.moveData(rq);
        const start = k.now;
        k.queue.at(start + access, () => {
          k.emit({ t: start, dur: access, cat: 'device', name: label, detail });
          finish();
        });
      });
    }
  }

  /** The bytes themselves, between the medium and the bios' memory. */
  private moveData(rq: Request): void {
    for (const bio of rq.bios) {
      let sector = bio.sector;
      for (const seg of bio.segments) {
        if (bio.op === 'read') this.store.read(sector, seg.buf, seg.off, seg.len);
        else this.store.write(sector, seg.buf, seg.off, seg.len);
        sector += seg.len / SECTOR_SIZE;
      }
    }
  }

  /** The top half (ahci_handle_port_interrupt): collect finished commands, complete them. */
  private *interrupt(cpu: Cpu): KGen<void> {
    const done = this.finished.splice(0);
    for (const rq of done) this.queue.complete(cpu, rq);
  }
}
