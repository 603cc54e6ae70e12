// The network between this machine and its remote peers: one link, shared by all
// peers, with a one-way latency and a bandwidth in each direction. A segment waits for
// the link to be free, takes size × 8 / bandwidth to be sent, then `latency` to arrive.
// Peers live outside the simulated machine: they cost it no CPU. What reaches the
// machine is handed to its network namespace's `rx` (tcp_v4_rcv by default; a NIC model
// can put DMA, an interrupt and the NET_RX softirq in between).

import type { Kernel } from '../kernel/kernel.js';
import { netns, type InetNamespace, type Segment } from '../fs/inet.js';
import type { SockAddr } from '../fs/socket.js';
import type { ResolvedNetwork } from './world.js';

/** Ethernet, IP and TCP headers (with timestamps) and the Ethernet preamble and gap: what a segment adds on the wire. */
export const WIRE_OVERHEAD = 90;

export interface Peer {
  receive(seg: Segment): void;
}

function key(a: SockAddr): string {
  return `${a.addr}:${a.port}`;
}

export class Network {
  private readonly ns: InetNamespace;
  /** When each direction of the link is next free. */
  private outFree = 0;
  private inFree = 0;
  private readonly peers = new Map<string, Peer>();

  constructor(
    private readonly k: Kernel,
    readonly spec: ResolvedNetwork,
  ) {
    this.ns = netns(k);
    this.ns.toWorld = (seg) => this.fromHost(seg);
  }

  addPeer(addr: SockAddr, peer: Peer): void {
    this.peers.set(key(addr), peer);
  }

  /** A segment leaves the machine for a peer (segments for unknown addresses are lost). */
  fromHost(seg: Segment): void {
    const peer = this.peers.get(key(seg.dst));
    const at = this.wire('out', seg);
    if (peer) this.k.queue.at(at, () => peer.receive(seg));
  }

  /** A peer sends a segment to the machine. */
  toHost(seg: Segment): void {
    const at = this.wire('in', seg);
    this.k.queue.at(at, () => {
      const k = this.k;
      const context = k.context;
      k.context = null; // woken threads were woken by the network, not by whoever ran last
      try {
        this.ns.rx(seg);
      } finally {
        k.context = context;
      }
    });
  }

  /** Queue a segment on one direction of the link; returns its arrival time. Records it unless it is a bare ACK. */
  private wire(dir: 'in' | 'out', seg: Segment): number {
    const k = this.k;
    const bytes = (seg.data?.length ?? 0) + WIRE_OVERHEAD;
    const tx = Math.max(1, Math.round((bytes * 8 * 1e9) / this.spec.bandwidth));
    const free = dir === 'in' ? this.inFree : this.outFree;
    const start = Math.max(k.now, free);
    if (dir === 'in') this.inFree = start + tx;
    else this.outFree = start + tx;
    const arrival = start + tx + this.spec.latency;
    if (seg.kind !== 'ACK') {
      const peer = dir === 'in' ? seg.src : seg.dst;
      k.emit({
        t: k.now, dur: arrival - k.now, cat: 'device', name: `wire ${dir}`, bytes: seg.data?.length ?? 0,
        detail: { segment: seg.kind, peer: key(peer) },
      });
    }
    return arrival;
  }
}
