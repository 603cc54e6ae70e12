// The machine's IPv4 networking state, like struct net (a network namespace) with its
// TCP hash tables (inet_hashinfo: bound ports, listeners, established connections).
//
// Segments travel in two ways. Between sockets of this machine they go through the
// loopback device: loopback_xmit() puts them on the CPU's backlog and the NET_RX
// softirq, run on the sender's own CPU before its system call returns, hands them one
// by one to tcp_v4_rcv(). Segments for other addresses leave through `toWorld` (the
// outside world of sim/net), and segments from the world come in through `rx`, which a
// NIC model may replace with DMA → IRQ → NET_RX softirq → tcp_v4_rcv.

import type { Kernel } from '../kernel/kernel.js';
import type { SockAddr } from './socket.js';
import { demuxMiss } from './tcp-input.js';

/** The address of this machine as remote peers see it (TEST-NET-1, RFC 5737: it exists only in the simulation). */
export const HOST_ADDR = '192.0.2.1';
/** net.ipv4.ip_local_port_range default: where ephemeral ports come from. */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;
/** The loopback device's MTU (65536) less IP and TCP headers with timestamps: the loopback MSS. */
export const LOOPBACK_MSS = 65483;
/** Ethernet MTU 1500 less IP and TCP headers with timestamps. */
export const ETHERNET_MSS = 1448;

export type SegmentKind = 'SYN' | 'SYNACK' | 'ACK' | 'DATA' | 'FIN' | 'RST';

/** A TCP segment, reduced to what the model needs. */
export interface Segment {
  kind: SegmentKind;
  src: SockAddr;
  dst: SockAddr;
  /** DATA: the payload. */
  data?: Uint8Array;
  /** ACK: payload bytes newly acknowledged. */
  ack?: number;
  /** SYN, SYNACK, ACK: the sender's free receive space (the advertised window). */
  window?: number;
}

/** What a segment's processing asked the CPU to do, so a system call can charge it. */
export interface RxTally {
  segments: number;
  woken: number;
}

/** A TCP socket as the tables see it (implemented by TcpSocket in tcp.ts). */
export interface TcpEndpoint {
  local: SockAddr | null;
  remote: SockAddr | null;
  /** tcp_v4_rcv() found this socket for the segment. */
  receive(k: Kernel, seg: Segment, tally: RxTally): void;
}

export function isLoopback(addr: string): boolean {
  return addr.startsWith('127.');
}

/** Is this an address of this machine (loopback, the host address, or 0.0.0.0 meaning "here")? */
export function isLocal(addr: string): boolean {
  return isLoopback(addr) || addr === HOST_ADDR || addr === '0.0.0.0';
}

function key4(local: SockAddr, remote: SockAddr): string {
  return `${local.addr}:${local.port}>${remote.addr}:${remote.port}`;
}

export class InetNamespace {
  /** bhash: sockets bound to each local port (listening or not). */
  readonly bound = new Map<number, TcpEndpoint[]>();
  /** ehash: connections by (local, remote) address pair. */
  readonly established = new Map<string, TcpEndpoint>();
  private nextPort = EPHEMERAL_FIRST;
  /** The per-CPU backlog of the loopback device (process_backlog drains it). */
  private readonly backlog: Segment[] = [];
  private draining = false;
  /** Segments for addresses outside the machine. Without a world, they vanish. */
  toWorld: (seg: Segment) => void = () => {};
  /** Segments arriving from the world: the default hands them straight to tcp_v4_rcv(). */
  rx: (seg: Segment) => void;

  constructor(private readonly k: Kernel) {
    this.rx = (seg) => this.tcpV4Rcv(seg, { segments: 0, woken: 0 });
  }

  bind(ep: TcpEndpoint, port: number): void {
    const list = this.bound.get(port) ?? [];
    list.push(ep);
    this.bound.set(port, list);
  }

  unbind(ep: TcpEndpoint): void {
    const port = ep.local?.port;
    if (port === undefined) return;
    const list = this.bound.get(port);
    if (!list) return;
    const i = list.indexOf(ep);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.bound.delete(port);
  }

  /** inet_csk_get_port(): is the port taken for this address? (SO_REUSEADDR's TIME_WAIT case is not modelled.) */
  portInUse(port: number, addr: string): boolean {
    const list = this.bound.get(port);
    if (!list) return false;
    return list.some((ep) => ep.local && (ep.local.addr === addr || ep.local.addr === '0.0.0.0' || addr === '0.0.0.0'));
  }

  /** The next free ephemeral port (Linux picks pseudo-randomly; the simulator counts, to stay deterministic). */
  ephemeralPort(): number {
    for (let i = 0; i <= EPHEMERAL_LAST - EPHEMERAL_FIRST; i++) {
      const p = this.nextPort;
      this.nextPort = p >= EPHEMERAL_LAST ? EPHEMERAL_FIRST : p + 1;
      if (!this.bound.has(p)) return p;
    }
    return -1;
  }

  hash(ep: TcpEndpoint): void {
    this.established.set(key4(ep.local!, ep.remote!), ep);
  }

  unhash(ep: TcpEndpoint): void {
    if (!ep.local || !ep.remote) return;
    const key = key4(ep.local, ep.remote);
    if (this.established.get(key) === ep) this.established.delete(key);
  }

  /** A listener for a SYN to `dst`: a socket in LISTEN bound to its port and to its address or 0.0.0.0. */
  listenerFor(dst: SockAddr, isListening: (ep: TcpEndpoint) => boolean): TcpEndpoint | null {
    const list = this.bound.get(dst.port) ?? [];
    const exact = list.find((ep) => isListening(ep) && ep.local!.addr === dst.addr);
    return exact ?? list.find((ep) => isListening(ep) && ep.local!.addr === '0.0.0.0') ?? null;
  }

  /** ip_queue_xmit(): to the loopback device if the destination is here, else out to the world. */
  transmit(seg: Segment, tally: RxTally): void {
    if (isLocal(seg.dst.addr) && isLocal(seg.src.addr)) {
      this.backlog.push(seg);
      if (!this.draining) this.drainBacklog(tally);
    } else {
      this.toWorld(seg);
    }
  }

  /** process_backlog(): one segment at a time, never recursively, like the softirq. */
  private drainBacklog(tally: RxTally): void {
    this.draining = true;
    try {
      for (let seg = this.backlog.shift(); seg; seg = this.backlog.shift()) this.tcpV4Rcv(seg, tally);
    } finally {
      this.draining = false;
    }
  }

  /** tcp_v4_rcv(): find the socket a segment belongs to and hand it over. */
  tcpV4Rcv(seg: Segment, tally: RxTally): void {
    tally.segments++;
    const ep = this.established.get(key4(seg.dst, seg.src));
    if (ep) ep.receive(this.k, seg, tally);
    else demuxMiss(this.k, seg, tally);
  }
}

const namespaces = new WeakMap<Kernel, InetNamespace>();

/** sock_net(): the kernel's network namespace (one per simulated machine). */
export function netns(k: Kernel): InetNamespace {
  let ns = namespaces.get(k);
  if (!ns) {
    ns = new InetNamespace(k);
    namespaces.set(k, ns);
  }
  return ns;
}
