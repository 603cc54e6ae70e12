// Kernel data structures at one instant, rebuilt from the trace: replay the events
// that happened up to time T. The simulator is deterministic and the trace complete,
// so this is exact, and stepping backward is as cheap as stepping forward.

import { epollMaskName, type RunResult, type TraceEvent } from 'inside-io';
import { byTime, upperBound } from './timeline-order';

export interface FdSlot {
  fd: number;
  ofd: number;
  file: string;
  kind: string;
  cloexec: boolean;
}
export interface OpenFileDesc {
  ofd: number;
  file: string;
  kind: string;
  flags: string;
  /** Descriptors (in any process) pointing at it. */
  refs: number;
}
export interface ProcessFds {
  pid: number;
  name: string;
  fds: FdSlot[];
}
export interface FdState {
  processes: ProcessFds[];
  files: OpenFileDesc[];
}

export interface BufferLevel {
  /** "socket:[7]" or "pipe:[3]". */
  name: string;
  kind: 'socket' | 'pipe';
  /** Receive queue (sockets) or bytes waiting (pipes), and its limit. */
  rcv: number;
  rcvMax: number;
  /** Send queue and its limit (sockets only). */
  snd?: number;
  sndMax?: number;
  /** When it last changed. */
  t: number;
}

export interface EpollItem {
  fd: number;
  events: string;
}
export interface EpollState {
  pid: number;
  epfd: number;
  interest: EpollItem[];
  /** In ready-list order. */
  ready: number[];
}

export interface SelectState {
  tid: number;
  /** The select call shown (its start and end). */
  t: number;
  dur: number;
  nfds: number;
  /** Sets passed in. */
  before: { read: number[]; write: number[]; except: number[] };
  /** Sets as select left them (null while the call has not returned at T). */
  after: { read: number[]; write: number[]; except: number[] } | null;
  ret?: number;
  name: string;
}

export interface ThreadAt {
  tid: number;
  name: string;
  /** 'running' on a CPU, 'runnable' (in the run queue), 'blocked' (asleep, on `on`), 'off' (not started or exited). */
  state: 'running' | 'runnable' | 'blocked' | 'off';
  cpu?: number;
  on?: string;
  /** Since when, for runnable and blocked. */
  since?: number;
  /** What it was doing on the CPU: 'user' or 'kernel'. */
  mode?: string;
}
export interface CpuAt {
  cpu: number;
  /** 'idle', 'user', 'kernel', 'switch', 'irq', 'softirq'. */
  doing: string;
  tid?: number;
  what?: string;
}
export interface RunQueueState {
  cpus: CpuAt[];
  threads: ThreadAt[];
}

type Run = Pick<RunResult, 'events' | 'cpus' | 'threads'>;

/** Events up to and including time t, in start-time order. */
function upTo(run: Run, t: number): TraceEvent[] {
  const sorted = byTime(run.events);
  return sorted.slice(0, upperBound(sorted, t));
}

export function fdTableAt(run: Run, t: number): FdState {
  const tables = new Map<number, Map<number, FdSlot>>();
  const files = new Map<number, { file: string; kind: string; flags: string }>();
  const names = new Map<number, string>();
  for (const e of upTo(run, t)) {
    if (e.cat === 'note' && e.name === 'process start' && e.pid !== undefined) names.set(e.pid, String(e.detail?.name ?? ''));
    if (e.cat !== 'io' || e.pid === undefined) continue;
    const d = e.detail ?? {};
    if (e.name === 'fd open') {
      let table = tables.get(e.pid);
      if (!table) tables.set(e.pid, (table = new Map()));
      const ofd = Number(d.ofd);
      table.set(Number(d.fd), { fd: Number(d.fd), ofd, file: String(d.file), kind: String(d.kind), cloexec: d.cloexec === true });
      files.set(ofd, { file: String(d.file), kind: String(d.kind), flags: String(d.flags) });
    } else if (e.name === 'fd close') {
      tables.get(e.pid)?.delete(Number(d.fd));
    } else if (e.name === 'file flags') {
      const f = files.get(Number(d.ofd));
      if (f) f.flags = String(d.flags);
    }
  }
  const refs = new Map<number, number>();
  const processes: ProcessFds[] = [];
  for (const [pid, table] of [...tables].sort((a, b) => a[0] - b[0])) {
    if (table.size === 0) continue;
    const fds = [...table.values()].sort((a, b) => a.fd - b.fd);
    for (const s of fds) refs.set(s.ofd, (refs.get(s.ofd) ?? 0) + 1);
    processes.push({ pid, name: names.get(pid) ?? '', fds });
  }
  const used = [...refs.keys()].sort((a, b) => a - b);
  return { processes, files: used.map((ofd) => ({ ofd, ...files.get(ofd)!, refs: refs.get(ofd)! })) };
}

export function buffersAt(run: Run, t: number): BufferLevel[] {
  const levels = new Map<string, BufferLevel>();
  for (const e of upTo(run, t)) {
    if (e.cat !== 'io') continue;
    const d = e.detail ?? {};
    // A new pipe is empty until its first write (64 KiB, pipe(7)'s default capacity).
    if (e.name === 'fd open' && d.kind === 'pipe' && !levels.has(String(d.file))) {
      levels.set(String(d.file), { name: String(d.file), kind: 'pipe', rcv: 0, rcvMax: 65536, t: e.t });
    } else if (e.name === 'sk buffer') {
      const name = String(d.sock);
      levels.set(name, { name, kind: 'socket', rcv: Number(d.rcv), rcvMax: Number(d.rcvbuf), snd: Number(d.snd), sndMax: Number(d.sndbuf), t: e.t });
    } else if (e.name === 'pipe buffer') {
      const name = String(d.pipe);
      levels.set(name, { name, kind: 'pipe', rcv: Number(d.len), rcvMax: Number(d.size), t: e.t });
    }
  }
  return [...levels.values()];
}

export function epollAt(run: Run, t: number): EpollState[] {
  const inst = new Map<string, EpollState>();
  const get = (pid: number, epfd: number) => {
    const key = `${pid}:${epfd}`;
    let s = inst.get(key);
    if (!s) inst.set(key, (s = { pid, epfd, interest: [], ready: [] }));
    return s;
  };
  for (const e of upTo(run, t)) {
    if (e.cat !== 'io' || e.detail?.epfd === undefined) continue;
    const d = e.detail;
    const s = get(e.pid ?? 0, Number(d.epfd));
    const fd = Number(d.fd);
    switch (e.name) {
      case 'epoll add':
      case 'epoll mod': {
        // The kernel's mask is a number (EPOLLERR and EPOLLHUP included, as epoll_ctl adds them): name its bits.
        const events = typeof d.events === 'number' ? epollMaskName(d.events >>> 0) : String(d.events ?? '');
        const item = s.interest.find((i) => i.fd === fd);
        if (item) item.events = events;
        else s.interest.push({ fd, events });
        break;
      }
      case 'epoll del':
        s.interest = s.interest.filter((i) => i.fd !== fd);
        s.ready = s.ready.filter((r) => r !== fd);
        break;
      case 'ready +':
        if (!s.ready.includes(fd)) s.ready.push(fd);
        break;
      case 'ready -':
        s.ready = s.ready.filter((r) => r !== fd);
        break;
    }
  }
  for (const s of inst.values()) s.interest.sort((a, b) => a.fd - b.fd);
  return [...inst.values()];
}

/** "[3 4]" or "[3, 4]" → [3, 4]; "NULL" → []. */
export function parseFdSet(s: string | undefined): number[] {
  if (!s) return [];
  const m = /\[([^\]]*)\]/.exec(s);
  if (!m) return [];
  return m[1]!.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n));
}

/** strace's note after select's return value: "(in [4], out [5])". */
function parseSelectNote(note: string | undefined): { read: number[]; write: number[]; except: number[] } {
  const grab = (key: string) => parseFdSet(new RegExp(`${key} (\\[[^\\]]*\\])`).exec(note ?? '')?.[1]);
  return { read: grab('in'), write: grab('out'), except: grab('except') };
}

/** The latest select() (or pselect6) each thread started at or before T. */
export function selectAt(run: Run, t: number): SelectState[] {
  const last = new Map<number, TraceEvent>();
  for (const e of upTo(run, t)) if (e.cat === 'syscall' && (e.name === 'select' || e.name === 'pselect6') && e.tid !== undefined) last.set(e.tid, e);
  return [...last.values()].map((e) => {
    const a = e.args ?? [];
    const done = e.t + e.dur <= t;
    const note = (e as TraceEvent & { retNote?: string }).retNote;
    return {
      tid: e.tid!,
      t: e.t,
      dur: e.dur,
      name: e.name,
      nfds: Number(a[0] ?? 0),
      before: { read: parseFdSet(a[1]), write: parseFdSet(a[2]), except: parseFdSet(a[3]) },
      after: done ? (e.ret !== undefined && e.ret <= 0 ? { read: [], write: [], except: [] } : parseSelectNote(note)) : null,
      ret: done ? e.ret : undefined,
    };
  });
}

const CPU_DOING: Record<string, string> = { user: 'user', kernel: 'kernel', sched: 'switch', irq: 'irq', softirq: 'softirq' };

export function runQueueAt(run: Run, t: number): RunQueueState {
  const cpus: CpuAt[] = Array.from({ length: run.cpus }, (_, cpu) => ({ cpu, doing: 'idle' }));
  const threads = new Map<number, ThreadAt>();
  const started = new Set<number>();
  const ended = new Set<number>();
  for (const th of run.threads) threads.set(th.tid, { tid: th.tid, name: th.name, state: 'off' });
  const sorted = byTime(run.events);
  const end = upperBound(sorted, t);
  for (let i = 0; i < end; i++) {
    const e = sorted[i]!;
    if (e.cat === 'note' && e.tid !== undefined) {
      if (e.name === 'process start' || e.name === 'thread start' || e.name === 'kernel thread start') started.add(e.tid);
      if (e.name === 'thread exit') ended.add(e.tid);
    }
    if (e.cat === 'note' && e.name === 'process exit' && e.pid !== undefined) for (const th of run.threads) if (th.pid === e.pid) ended.add(th.tid);
    // Spans covering t: [e.t, e.t + e.dur).
    if (e.dur <= 0 || e.t + e.dur <= t) continue;
    if (e.cpu !== undefined && CPU_DOING[e.cat]) {
      const c = cpus[e.cpu];
      if (c) {
        // Interrupts nest inside other work: they win.
        const rank = (d: string) => (d === 'irq' ? 3 : d === 'softirq' ? 2 : d === 'idle' ? 0 : 1);
        const doing = CPU_DOING[e.cat]!;
        if (rank(doing) >= rank(c.doing)) cpus[e.cpu] = { cpu: e.cpu, doing, tid: e.cat === 'sched' ? Number(e.detail?.next ?? NaN) || undefined : e.tid, what: e.name };
      }
      const th = e.tid !== undefined ? threads.get(e.tid) : undefined;
      if (th && (e.cat === 'user' || e.cat === 'kernel')) Object.assign(th, { state: 'running', cpu: e.cpu, mode: e.cat });
    } else if (e.cat === 'wait' && e.tid !== undefined) {
      const th = threads.get(e.tid);
      if (th) Object.assign(th, { state: 'blocked', on: e.name, since: e.t });
    } else if (e.cat === 'sched' && e.cpu === undefined && e.tid !== undefined) {
      const th = threads.get(e.tid);
      if (th && th.state !== 'running') Object.assign(th, { state: 'runnable', since: e.t });
    }
  }
  for (const th of threads.values()) {
    if (th.state !== 'off' || !started.has(th.tid) || ended.has(th.tid)) continue;
    // Started and not ended, yet no span of its own covers t: a CPU is switching to it,
    // or it is between two slices of its own work (user code costs no time).
    const switching = cpus.find((c) => c.doing === 'switch' && c.tid === th.tid);
    if (switching) Object.assign(th, { state: 'runnable', cpu: switching.cpu });
    else th.state = 'running';
  }
  return { cpus, threads: [...threads.values()] };
}
