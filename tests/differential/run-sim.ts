// Runs a differential scenario on the simulator, step by step, through the same system
// calls a program would make, and reports raw outcomes in the format real.py uses.
import {
  run, errnoName, AF_INET, AF_UNIX, SOCK_STREAM, SOCK_NONBLOCK, O_NONBLOCK, F_GETFL, F_SETFL, SIGPIPE, SIG_IGN, RLIMIT_NOFILE,
  SOL_SOCKET, SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_TYPE, SO_ACCEPTCONN, SO_REUSEADDR, MSG_PEEK, MSG_DONTWAIT, MSG_WAITALL,
  MSG_NOSIGNAL, SHUT_RD, SHUT_WR, SHUT_RDWR, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, FdSet, ms,
  type Sys, type PollFd, type EpollEvent, type SockAddrOut,
} from '../../sim/index.js';
import * as poll from '../../sim/kernel/poll.js';
import * as ioflags from '../../sim/io/flags.js';
import type { Outcome, RunOutcomes, Scenario, Step } from './format.js';

const MSG: Record<string, number> = { MSG_PEEK, MSG_DONTWAIT, MSG_WAITALL, MSG_NOSIGNAL };
const SHUT: Record<string, number> = { SHUT_RD, SHUT_WR, SHUT_RDWR };
const SOCKOPT: Record<string, number> = { SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_TYPE, SO_ACCEPTCONN, SO_REUSEADDR };
const CTL: Record<string, number> = { ADD: EPOLL_CTL_ADD, DEL: EPOLL_CTL_DEL, MOD: EPOLL_CTL_MOD };

function bits(names: string[] | undefined, table: Record<string, unknown>): number {
  let v = 0;
  for (const n of names ?? []) {
    const b = table[n];
    if (typeof b !== 'number') throw new Error(`unknown flag ${n}`);
    v |= b;
  }
  return v >>> 0;
}

class SimScenario {
  readonly fds = new Map<string, number>();
  constructor(private readonly sys: Sys) {}

  fd(name: string | number): number {
    if (typeof name === 'number') return name;
    const fd = this.fds.get(name);
    if (fd === undefined) throw new Error(`no descriptor named ${name}`);
    return fd;
  }

  nameOf(fd: number): string {
    for (const [k, v] of this.fds) if (v === fd) return k;
    return String(fd);
  }

  fail(sys: Sys): Outcome {
    return { ret: -1, errno: errnoName(sys.errno) };
  }

  async port(sys: Sys, name: string): Promise<number> {
    const a: SockAddrOut = {};
    await sys.getsockname(this.fd(name), a);
    return a.port!;
  }

  /** One step on the thread whose handle is `sys`. */
  async step(sys: Sys, s: Step): Promise<Outcome> {
    const ok = (r: number, extra: Partial<Outcome> = {}): Outcome => (r < 0 ? this.fail(sys) : { ret: r, ...extra });
    switch (s.op) {
      case 'pipe': {
        const p = [0, 0];
        const r = await sys.pipe2(p, s.flags?.includes('O_NONBLOCK') ? O_NONBLOCK : 0);
        this.fds.set(s.as[0], p[0]!).set(s.as[1], p[1]!);
        return ok(r);
      }
      case 'socketpair': {
        const p = [0, 0];
        const r = await sys.socketpair(AF_UNIX, SOCK_STREAM | (s.flags?.includes('SOCK_NONBLOCK') ? SOCK_NONBLOCK : 0), 0, p);
        this.fds.set(s.as[0], p[0]!).set(s.as[1], p[1]!);
        return ok(r);
      }
      case 'socket':
      case 'listen': {
        const fd = await sys.socket(AF_INET, SOCK_STREAM | (s.flags?.includes('SOCK_NONBLOCK') ? SOCK_NONBLOCK : 0));
        if (fd < 0) return this.fail(sys);
        this.fds.set(s.as, fd);
        if (s.op === 'socket') return { ret: 0 };
        if ((await sys.bind(fd, { addr: '127.0.0.1', port: 0 })) < 0) return this.fail(sys);
        if (s.listen === false) return { ret: 0 };
        return ok(await sys.listen(fd, s.backlog ?? 8) < 0 ? -1 : 0);
      }
      case 'connect':
        return ok(await sys.connect(this.fd(s.fd), { addr: '127.0.0.1', port: await this.port(sys, s.to) }));
      case 'accept': {
        const fd = await sys.accept4(this.fd(s.fd), null, s.flags?.includes('SOCK_NONBLOCK') ? SOCK_NONBLOCK : 0);
        if (fd < 0) return this.fail(sys);
        this.fds.set(s.as, fd);
        return { ret: 0 };
      }
      case 'close':
        return ok(await sys.close(this.fd(s.fd)));
      case 'dup': {
        const fd = await sys.dup(this.fd(s.fd));
        if (fd < 0) return this.fail(sys);
        this.fds.set(s.as, fd);
        return { ret: 0 };
      }
      case 'dup2': {
        const fd = await sys.dup2(this.fd(s.fd), s.to);
        if (fd < 0) return this.fail(sys);
        this.fds.set(s.as, fd);
        return { ret: 0 };
      }
      case 'devnull': {
        const fd = await sys.dup(0); // the simulator's stdin is /dev/null
        this.fds.set(s.as, fd);
        return ok(fd < 0 ? -1 : 0);
      }
      case 'set_nonblock': {
        const fl = await sys.fcntl(this.fd(s.fd), F_GETFL);
        return ok(await sys.fcntl(this.fd(s.fd), F_SETFL, fl | O_NONBLOCK));
      }
      case 'getfl_nonblock': {
        const fl = await sys.fcntl(this.fd(s.fd), F_GETFL);
        return ok(fl < 0 ? -1 : 0, { value: fl & O_NONBLOCK ? 1 : 0 });
      }
      case 'limit_nofile': {
        const highest = Math.max(2, ...this.fds.values());
        return ok(await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: highest + 1 + (s.extra ?? 0), rlim_max: 524_288 }));
      }
      case 'raise_nofile':
        return ok(await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: s.value, rlim_max: 524_288 }));
      case 'sleep':
        return ok(await sys.nanosleep(ms(s.ms)));
      case 'write':
        return ok(await sys.write(this.fd(s.fd), new Uint8Array(s.bytes).fill(120)));
      case 'read':
        return ok(await sys.read(this.fd(s.fd), new Uint8Array(s.count)));
      case 'recv':
        return ok(await sys.recv(this.fd(s.fd), new Uint8Array(s.count), s.count, bits(s.flags, MSG)));
      case 'send':
        return ok(await sys.send(this.fd(s.fd), new Uint8Array(s.bytes).fill(120), s.bytes, bits(s.flags, MSG)));
      case 'fill': {
        const chunk = new Uint8Array(s.chunk ?? 4096).fill(120);
        let total = 0;
        for (;;) {
          const n = await sys.write(this.fd(s.fd), chunk);
          if (n < 0) return { ret: 0, bytes: total, end: errnoName(sys.errno) };
          total += n;
          if (total > 64 << 20) return { ret: 0, bytes: total, end: 'never full' };
        }
      }
      case 'drain': {
        const buf = new Uint8Array(65536);
        let total = 0;
        for (;;) {
          const n = await sys.read(this.fd(s.fd), buf);
          if (n < 0) return { ret: 0, bytes: total, end: errnoName(sys.errno) };
          if (n === 0) return { ret: 0, bytes: total, end: 'EOF' };
          total += n;
        }
      }
      case 'shutdown':
        return ok(await sys.shutdown(this.fd(s.fd), SHUT[s.how]!));
      case 'getsockopt': {
        const v = { value: 0 };
        const r = await sys.getsockopt(this.fd(s.fd), SOL_SOCKET, SOCKOPT[s.opt]!, v);
        return ok(r, { value: s.opt === 'SO_ERROR' && v.value ? errnoName(v.value) : v.value });
      }
      case 'setsockopt':
        return ok(await sys.setsockopt(this.fd(s.fd), SOL_SOCKET, SOCKOPT[s.opt]!, s.value));
      case 'select': {
        const size = s.setsize ?? 1024;
        let highest = -1;
        const mk = (names: string[] | undefined): FdSet | null => {
          if (!names) return null;
          const set = new FdSet(size);
          for (const n of names) {
            const fd = this.fd(n);
            set.bits[fd >> 5]! |= 1 << (fd & 31);
            highest = Math.max(highest, fd);
          }
          return set;
        };
        const r = mk(s.r);
        const w = mk(s.w);
        const e = mk(s.e);
        const nfds = s.nfds ?? highest + 1;
        const tv = s.timeout_ms === undefined || s.timeout_ms === null ? null : { tv_sec: Math.floor(s.timeout_ms / 1000), tv_usec: (s.timeout_ms % 1000) * 1000 };
        const ret = await sys.select(nfds, r, w, e, tv);
        if (ret < 0) return this.fail(sys);
        const names = (set: FdSet | null) => (set ? set.fds().filter((fd) => fd < Math.min(nfds, size)).map((fd) => this.nameOf(fd)) : undefined);
        const sets: Outcome['sets'] = {};
        if (r) sets.r = names(r);
        if (w) sets.w = names(w);
        if (e) sets.e = names(e);
        return { ret, sets };
      }
      case 'poll': {
        const fds: PollFd[] = s.fds.map((p) => ({ fd: this.fd(p.fd), events: bits(p.events, poll), revents: 0 }));
        const ret = await sys.poll(fds, fds.length, s.timeout ?? 0);
        return ok(ret, { revents: fds.map((p) => p.revents) });
      }
      case 'epoll_create': {
        const fd = await sys.epoll_create1(0);
        if (fd < 0) return this.fail(sys);
        this.fds.set(s.as, fd);
        return { ret: 0 };
      }
      case 'epoll_ctl': {
        const target = this.fd(s.fd);
        const ev: EpollEvent = { events: bits(s.events, ioflags), data: s.data !== undefined ? this.fd(s.data) : target };
        const op = typeof s.ctl === 'number' ? s.ctl : CTL[s.ctl]!;
        return ok(await sys.epoll_ctl(this.fd(s.ep), op, target, ev));
      }
      case 'epoll_wait': {
        const evs: EpollEvent[] = [];
        const ret = await sys.epoll_wait(this.fd(s.ep), evs, s.max ?? 16, s.timeout ?? 0);
        return ok(ret, { events: evs.slice(0, Math.max(0, ret)).map((e) => [this.nameOf(e.data), e.events] as [string, number]) });
      }
      case 'thread':
        throw new Error('thread steps are started by run()');
    }
  }
}

/** Run one scenario on a fresh simulated machine. */
export async function runOnSim(sc: Scenario): Promise<RunOutcomes> {
  const out: RunOutcomes = { main: [], threads: [] };
  const r = await run(
    async (sys: Sys) => {
      await sys.signal(SIGPIPE, SIG_IGN); // as in Python, which ignores SIGPIPE
      const scen = new SimScenario(sys);
      const tids: number[] = [];
      for (const step of sc.steps) {
        if (step.op === 'thread') {
          const results: Outcome[] = [];
          out.threads.push(results);
          tids.push(
            await sys.pthread_create(async (t: Sys) => {
              await t.nanosleep(ms(step.delay_ms));
              for (const s of step.steps) results.push(await scen.step(t, s));
            }),
          );
          out.main.push({ ret: 0 });
          continue;
        }
        out.main.push(await scen.step(sys, step));
      }
      for (const tid of tids) await sys.pthread_join(tid);
    },
    { until: ms(20_000), maxEvents: 2_000_000 },
  );
  if (r.errors.length) throw new Error(`${sc.name}: ${r.errors.map((e) => e.message).join('; ')}`);
  if (r.stop.reason !== 'exit') throw new Error(`${sc.name}: the simulated run ended with "${r.stop.reason}": ${r.stop.message}`);
  return out;
}
