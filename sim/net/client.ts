// A remote client: a scripted TCP peer outside the machine. It connects (retrying an
// unanswered SYN after 1 s, 2 s, 4 s... as Linux clients do), sends requests of a given
// size, waits for each answer, thinks, and finally closes; or, if it is one of the idle
// ones, just holds its connection. It keeps to the window the machine advertises, reads
// everything it is sent at once, and notes what it saw in its group's report.

import type { Kernel } from '../kernel/kernel.js';
import { ETHERNET_MSS, HOST_ADDR, type Segment } from '../fs/inet.js';
import type { SockAddr } from '../fs/socket.js';
import type { Network, Peer } from './network.js';
import type { GroupReport } from './report.js';
import type { ResolvedClientGroup } from './world.js';

/** The receive window a client advertises: it reads at once, so it is never short of space. */
const CLIENT_WINDOW = 1 << 20;
const SYN_RTO = 1_000_000_000;
const SYN_RETRIES = 6;

const encoder = new TextEncoder();

export class Client implements Peer {
  private state: 'new' | 'syn_sent' | 'established' | 'closed' = 'new';
  private readonly remote: SockAddr;
  /** How much more the machine's window lets us send, and what waits for it. */
  private sndWnd = 0;
  private inflight = 0;
  /** close() came while bytes still waited for the window: the FIN follows them. */
  private finPending = false;
  private readonly pending: Uint8Array[] = [];
  private requestsLeft: number;
  private sent = 0;
  /** Bytes of the current answer still to come, and when its request left. */
  private awaiting = 0;
  private sentAt = 0;
  private synRetries = 0;

  constructor(
    private readonly k: Kernel,
    private readonly net: Network,
    private readonly group: ResolvedClientGroup,
    private readonly report: GroupReport,
    readonly index: number,
    readonly local: SockAddr,
    readonly active: boolean,
  ) {
    this.remote = { addr: HOST_ADDR, port: group.port };
    this.requestsLeft = active ? group.requests : 0;
    net.addPeer(local, this);
  }

  start(at: number): void {
    this.k.queue.at(at, () => this.connect());
  }

  private send(kind: Segment['kind'], extra: Partial<Segment> = {}): void {
    this.net.toHost({ kind, src: this.local, dst: this.remote, ...extra });
  }

  private connect(): void {
    this.state = 'syn_sent';
    this.send('SYN', { window: CLIENT_WINDOW });
    this.armSynTimer();
  }

  private armSynTimer(): void {
    const attempt = this.synRetries;
    this.k.queue.at(this.k.now + SYN_RTO * 2 ** attempt, () => {
      if (this.state !== 'syn_sent' || this.synRetries !== attempt) return;
      if (attempt >= SYN_RETRIES) {
        this.state = 'closed';
        return;
      }
      this.synRetries++;
      this.report.synRetries++;
      this.send('SYN', { window: CLIENT_WINDOW });
      this.armSynTimer();
    });
  }

  receive(seg: Segment): void {
    switch (seg.kind) {
      case 'SYNACK':
        if (this.state !== 'syn_sent') return;
        this.state = 'established';
        this.report.connected++;
        this.sndWnd = seg.window ?? 0;
        this.send('ACK', { ack: 0, window: CLIENT_WINDOW });
        if (this.requestsLeft > 0) this.after(this.group.idle, () => this.request());
        return;
      case 'ACK':
        this.inflight = Math.max(0, this.inflight - (seg.ack ?? 0));
        if (seg.window !== undefined) this.sndWnd = Math.max(0, seg.window - this.inflight);
        this.flush();
        return;
      case 'DATA': {
        const n = seg.data?.length ?? 0;
        this.report.bytesReceived += n;
        this.send('ACK', { ack: n, window: CLIENT_WINDOW });
        if (this.awaiting > 0) {
          this.awaiting -= n;
          if (this.awaiting <= 0) this.answered();
        }
        return;
      }
      case 'FIN':
        if (this.state === 'closed') return;
        if (this.requestsLeft > 0 || this.awaiting > 0) this.report.closedEarly++;
        this.state = 'closed';
        this.send('FIN');
        return;
      case 'RST':
        if (this.state === 'syn_sent') this.report.refused++;
        else if (this.state === 'established') this.report.reset++;
        this.state = 'closed';
        return;
      default:
        return;
    }
  }

  private after(ns: number, fn: () => void): void {
    if (!Number.isFinite(ns)) return;
    if (ns === 0) fn();
    else this.k.queue.at(this.k.now + ns, fn);
  }

  private request(): void {
    if (this.state !== 'established') return;
    this.requestsLeft--;
    this.sent++;
    this.report.requests++;
    this.sentAt = this.k.now;
    const text = `request ${this.sent} from client ${this.index}\n`;
    const data = new Uint8Array(this.group.requestSize);
    const bytes = encoder.encode(text);
    for (let i = 0; i < data.length; i += bytes.length) data.set(bytes.subarray(0, Math.min(bytes.length, data.length - i)), i);
    this.pending.push(data);
    this.flush();
    if (this.group.responseSize === 0) this.next();
    else this.awaiting = this.group.responseSize;
  }

  private answered(): void {
    this.report.responses++;
    this.report.latencies.push(this.k.now - this.sentAt);
    this.awaiting = 0;
    this.next();
  }

  /** After an answer: think, then the next request; or close after the last one. */
  private next(): void {
    if (this.requestsLeft > 0) this.after(this.group.think, () => this.request());
    else if (this.group.close) this.after(this.group.think, () => this.close());
  }

  private close(): void {
    if (this.state !== 'established') return;
    // tcp_send_fin(): the FIN goes after the bytes still waiting for the window.
    if (this.pending.length > 0) {
      this.finPending = true;
      return;
    }
    this.state = 'closed';
    this.send('FIN');
  }

  /** Send what the window allows, a segment of at most one MSS at a time. */
  private flush(): void {
    while (this.pending.length > 0 && this.sndWnd > 0 && this.state === 'established') {
      const head = this.pending[0]!;
      const n = Math.min(head.length, this.sndWnd, ETHERNET_MSS);
      const data = n === head.length ? head : head.subarray(0, n);
      if (n === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(n);
      this.sndWnd -= n;
      this.inflight += n;
      this.report.bytesSent += n;
      this.send('DATA', { data });
    }
    if (this.finPending && this.pending.length === 0) {
      this.finPending = false;
      this.close();
    }
  }
}
