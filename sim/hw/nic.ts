// A network card and its driver, with NAPI (Documentation/networking/napi.rst,
// net/core/dev.c net_rx_action). The driver has posted empty buffers in an RX ring
// before any packet arrives. A frame from the wire is DMA'd by the card into the next
// buffer, then the card raises its interrupt. The top half only calls napi_schedule():
// it masks the card's interrupt and raises NET_RX. The NET_RX softirq polls the ring,
// up to 64 frames per poll (the NAPI weight) and 300 per softirq run (netdev_budget),
// handing each to the protocol stack (ip_rcv → tcp_v4_rcv), which queues the data on
// its socket and wakes the reader. While it polls the interrupt stays masked: under
// load a single interrupt serves many packets, and when a run hits its budget the
// rest is left for the next run, and then for ksoftirqd. When the ring is empty the
// poll completes (napi_complete_done) and unmasks the interrupt.
// Sending is the reverse: the driver puts the frame in the TX ring, the card DMAs it
// out of memory onto the wire and reports it sent; NAPI frees the buffer.

import type { Kernel } from '../kernel/kernel.js';
import type { Cpu } from '../kernel/scheduler.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { DmaEngine } from './dma.js';
import { NET_RX_SOFTIRQ } from './softirq.js';
import type { Segment } from '../fs/inet.js';

export interface NicSpec {
  /** Interface name (default "eth0"). */
  name?: string;
  /** The CPU its interrupt (RX queue 0) is delivered to (default 0). */
  cpu?: number;
  /**
   * RX descriptors (ethtool -g; default 1024, as mlx5). A frame that finds the ring full is
   * dropped, and lost for good: TCP retransmission is not modelled.
   */
  ringSize?: number;
  /** Interrupt coalescing, rx-usecs (ethtool -C; default 0: interrupt at once). */
  coalesceUsecs?: number;
}

/** NAPI_POLL_WEIGHT (64) and net.core.netdev_budget (300), netdev_budget_usecs (2 ms). */
export const NAPI_WEIGHT = 64;
export const NETDEV_BUDGET = 300;
export const NETDEV_BUDGET_NS = 2_000_000;
/** Ethernet, IP and TCP headers around a segment's payload (with TCP timestamps). */
const HEADERS = 66;

/** How frames reach the protocol stack: tcp_v4_rcv with a tally of what it did. */
export type Deliver = (seg: Segment, tally: { segments: number; woken: number; sent?: number }) => void;

export class Nic {
  readonly name: string;
  readonly irq: number;
  readonly cpu: number;
  readonly ringSize: number;
  readonly dma: DmaEngine;
  /** Frames DMA'd into the RX ring, waiting for NAPI. */
  private readonly rxRing: Segment[] = [];
  /** Frames being DMA'd (their descriptors are taken). */
  private rxInFlight = 0;
  /** TX frames on the wire, whose buffers NAPI has not freed yet. */
  private txDone = 0;
  /** napi_schedule() has run: the card's interrupt is masked until the poll completes. */
  private napiScheduled = false;
  private coalescePending = false;
  /** Statistics, like ethtool -S and /proc/net/softnet_stat. */
  readonly stats = { rxPackets: 0, rxDropped: 0, txPackets: 0, interrupts: 0, polls: 0, timeSqueeze: 0 };

  constructor(
    private readonly k: Kernel,
    readonly spec: NicSpec,
    private readonly deliver: Deliver,
  ) {
    this.name = spec.name ?? 'eth0';
    this.cpu = Math.min(spec.cpu ?? 0, k.sched.cpus.length - 1);
    this.ringSize = spec.ringSize ?? 1024;
    this.irq = k.irq.allocIrq();
    this.dma = new DmaEngine(k, `${this.name} DMA`, () => k.costs.nicDmaNsPerByte);
    k.irq.request(this.irq, this.name, (cpu) => this.interrupt(cpu), this.cpu);
    k.softirq.open(NET_RX_SOFTIRQ, (cpu) => this.netRxAction(cpu));
  }

  /** A frame arrives from the wire: DMA into a posted RX buffer, or dropped if the ring is full. */
  receive(seg: Segment): void {
    const k = this.k;
    if (this.rxRing.length + this.rxInFlight >= this.ringSize) {
      this.stats.rxDropped++;
      k.emit({ t: k.now, dur: 0, cat: 'note', name: `${this.name}: RX ring full, frame dropped`, detail: { device: this.name } });
      return;
    }
    this.rxInFlight++;
    this.dma.transfer(frameBytes(seg), 'to memory', () => {
      this.rxInFlight--;
      this.rxRing.push(seg);
      this.signal();
    });
  }

  /** ndo_start_xmit(): the frame goes in the TX ring; the card DMAs it out, then it is on the wire. */
  transmit(seg: Segment, wire: (seg: Segment) => void): void {
    this.dma.transfer(frameBytes(seg), 'from memory', () => {
      this.stats.txPackets++;
      this.txDone++;
      wire(seg);
      this.signal();
    });
  }

  /** The card raises its interrupt, unless NAPI has it masked (or it is holding off to coalesce). */
  private signal(): void {
    if (this.napiScheduled || this.coalescePending) return;
    const us = this.spec.coalesceUsecs ?? 0;
    if (us <= 0) return this.k.irq.raise(this.irq);
    this.coalescePending = true;
    this.k.queue.at(this.k.now + us * 1000, () => {
      this.coalescePending = false;
      if (!this.napiScheduled) this.k.irq.raise(this.irq);
    });
  }

  /** The top half: napi_schedule() (mask the interrupt, raise NET_RX). */
  private *interrupt(cpu: Cpu): KGen<void> {
    this.stats.interrupts++;
    if (this.napiScheduled) return;
    this.napiScheduled = true;
    this.k.softirq.raise(cpu, NET_RX_SOFTIRQ);
  }

  /** net_rx_action(): poll within the budget; what is left re-raises NET_RX (time_squeeze). */
  private *netRxAction(cpu: Cpu): KGen<void> {
    if (!this.napiScheduled) return;
    const k = this.k;
    const end = k.now + NETDEV_BUDGET_NS;
    let budget = NETDEV_BUDGET;
    for (;;) {
      const done = yield* this.poll(NAPI_WEIGHT);
      budget -= done;
      if (done < NAPI_WEIGHT) {
        // napi_complete_done(): all caught up; unmask, and interrupt again if more came meanwhile.
        this.napiScheduled = false;
        if (this.rxRing.length > 0 || this.txDone > 0) this.signal();
        return;
      }
      if (budget <= 0 || k.now >= end) {
        this.stats.timeSqueeze++;
        k.emit({ t: k.now, dur: 0, cat: 'note', name: 'NET_RX budget used up (time_squeeze)', cpu: cpu.id, detail: { device: this.name, budget: NETDEV_BUDGET } });
        k.softirq.raise(cpu, NET_RX_SOFTIRQ); // still scheduled: the next run (or ksoftirqd) goes on
        return;
      }
    }
  }

  /** The driver's poll(): free sent buffers, then hand up to `weight` received frames to the stack. */
  private *poll(weight: number): KGen<number> {
    const k = this.k;
    this.stats.polls++;
    if (this.txDone > 0) {
      yield* work(k.costs.nicTxClean * this.txDone);
      this.txDone = 0;
    }
    let n = 0;
    while (n < weight && this.rxRing.length > 0) {
      const seg = this.rxRing.shift()!;
      n++;
      this.stats.rxPackets++;
      const tally = { segments: 0, woken: 0, sent: 0 };
      this.deliver(seg, tally); // netif_receive_skb → ip_rcv → tcp_v4_rcv → sk_data_ready
      yield* work(k.costs.nicRxPacket + tally.segments * k.costs.tcpRcv + (tally.sent ?? 0) * k.costs.tcpXmit + tally.woken * k.costs.wakeup);
    }
    return n;
  }
}

function frameBytes(seg: Segment): number {
  return (seg.data?.length ?? 0) + HEADERS;
}
