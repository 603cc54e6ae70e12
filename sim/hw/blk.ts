// The block layer (block/blk-core.c, blk-mq.c, blk-merge.c, mq-deadline.c), reduced
// to what a single-queue disk needs: bios come in, are merged into requests and sorted
// by the I/O scheduler while the device is busy, dispatched to the driver up to the
// device's queue depth, and completed through the BLOCK softirq, which ends each bio
// (bio_endio) and so wakes whoever waits for the data.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { BLOCK_SOFTIRQ } from './softirq.js';

export const SECTOR_SIZE = 512;
/** max_sectors_kb: the largest request the scheduler builds by merging (512 KiB). */
export const MAX_REQUEST_BYTES = 512 * 1024;
/** mq-deadline's read_expire and write_expire: a request older than this is served first. */
const READ_EXPIRE = 500_000_000;
const WRITE_EXPIRE = 5_000_000_000;

/** One piece of memory a bio reads into or writes from (struct bio_vec). */
export interface Segment {
  buf: Uint8Array;
  off: number;
  len: number;
}

/** struct bio: I/O on consecutive sectors, and what to do when it ends. */
export interface Bio {
  op: 'read' | 'write';
  sector: number;
  bytes: number;
  segments: Segment[];
  /** bi_end_io: runs in the BLOCK softirq with 0 or -errno. */
  endio: (err: number) => KGen<void>;
}

/** struct request: one or more merged bios, as the device sees them. */
export interface Request {
  op: 'read' | 'write';
  sector: number;
  bytes: number;
  bios: Bio[];
  queuedAt: number;
  /** The CPU that submitted it (blk-mq completes near it). */
  cpu: number;
  tag: number;
}

/** struct blk_plug: bios a task submits in a batch, merged before they reach the scheduler. */
export interface Plug {
  bios: Bio[];
}

/** What the block layer needs from a driver (struct blk_mq_ops). */
export interface BlockDriver {
  readonly name: string;
  /** ->queue_rq(): hand one request to the device. */
  queueRq(rq: Request): void;
}

export type SchedulerName = 'mq-deadline' | 'none';

export class RequestQueue {
  /** Requests waiting in the I/O scheduler. */
  readonly waiting: Request[] = [];
  inflight = 0;
  /** Where the last dispatched request ended: the elevator sweeps upwards from here. */
  private head = 0;
  private nextTag = 0;
  /** Per-CPU lists of requests whose completion waits for the BLOCK softirq (blk_cpu_done). */
  private readonly done: Request[][];
  /** Statistics: merges and requests (for tests and the trace). */
  merges = 0;
  dispatched = 0;

  constructor(
    private readonly k: Kernel,
    readonly driver: BlockDriver,
    readonly depth: number,
    readonly scheduler: SchedulerName,
  ) {
    this.done = k.sched.cpus.map(() => []);
    k.softirq.open(BLOCK_SOFTIRQ, (cpu) => this.doneSoftirq(cpu));
  }

  /** submit_bio(): into the plug if the task holds one, else straight into the scheduler. */
  submit(bio: Bio, cpu: number, plug?: Plug): void {
    if (plug) plug.bios.push(bio);
    else {
      this.insert(bio, cpu);
      this.run();
    }
  }

  /** blk_finish_plug(): the batch goes to the scheduler (merging what it can) and the queue runs. */
  flush(plug: Plug, cpu: number): void {
    const bios = plug.bios.splice(0).sort((a, b) => a.sector - b.sector);
    for (const bio of bios) this.insert(bio, cpu);
    this.run();
  }

  /** blk_mq_sched_bio_merge / elv_merge: join a waiting request it continues (back) or precedes (front). */
  private insert(bio: Bio, cpu: number): void {
    const end = bio.sector + bio.bytes / SECTOR_SIZE;
    for (const rq of this.waiting) {
      if (rq.op !== bio.op || rq.bytes + bio.bytes > MAX_REQUEST_BYTES) continue;
      if (rq.sector + rq.bytes / SECTOR_SIZE === bio.sector) {
        rq.bios.push(bio);
        rq.bytes += bio.bytes;
        this.merges++;
        return;
      }
      if (end === rq.sector) {
        rq.bios.unshift(bio);
        rq.sector = bio.sector;
        rq.bytes += bio.bytes;
        this.merges++;
        return;
      }
    }
    this.waiting.push({ op: bio.op, sector: bio.sector, bytes: bio.bytes, bios: [bio], queuedAt: this.k.now, cpu, tag: -1 });
  }

  /** blk_mq_run_hw_queue(): dispatch while the device has free tags. */
  run(): void {
    while (this.inflight < this.depth && this.waiting.length > 0) {
      const rq = this.pick();
      rq.tag = this.nextTag++;
      this.inflight++;
      this.dispatched++;
      this.head = rq.sector + rq.bytes / SECTOR_SIZE;
      this.driver.queueRq(rq);
    }
  }

  /**
   * The scheduler's choice. 'none': first come, first served. 'mq-deadline'
   * (block/mq-deadline.c, __dd_dispatch_request()): an expired request first; otherwise
   * the next one upwards in sector order from the last (a one-way elevator); when there is
   * none higher, it starts again from the request with the earliest expiry time, that is
   * the oldest (deadline_fifo_request()), not from the lowest sector. (Batches of
   * fifo_batch and the preference of reads over writes are not modelled.)
   */
  private pick(): Request {
    const w = this.waiting;
    let i = 0;
    if (this.scheduler === 'mq-deadline') {
      const now = this.k.now;
      const expired = w.findIndex((r) => now - r.queuedAt >= (r.op === 'read' ? READ_EXPIRE : WRITE_EXPIRE));
      if (expired >= 0) i = expired;
      else {
        let best = -1;
        for (let j = 0; j < w.length; j++) {
          if (w[j]!.sector >= this.head && (best < 0 || w[j]!.sector < w[best]!.sector)) best = j;
        }
        if (best < 0) for (let j = 0; j < w.length; j++) if (best < 0 || w[j]!.queuedAt < w[best]!.queuedAt) best = j;
        i = best;
      }
    }
    return w.splice(i, 1)[0]!;
  }

  /** blk_mq_complete_request() from the driver's interrupt: a single-queue device completes through the BLOCK softirq. */
  complete(cpu: Cpu, rq: Request): void {
    this.done[cpu.id]!.push(rq);
    this.k.softirq.raise(cpu, BLOCK_SOFTIRQ);
  }

  /** blk_done_softirq() → blk_mq_end_request() → bio_endio() for each bio; then more requests may go. */
  private *doneSoftirq(cpu: Cpu): KGen<void> {
    const list = this.done[cpu.id]!.splice(0);
    for (const rq of list) {
      yield* work(this.k.costs.blockComplete);
      this.inflight--;
      for (const bio of rq.bios) yield* bio.endio(0);
    }
    this.run();
  }
}
