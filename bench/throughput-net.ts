// Simulator throughput on a network workload: an epoll echo server with 10,000
// connections of which 1% are active (each active client sends a 64-byte request,
// waits for the echo, thinks 10 ms, and again), for 1 s of virtual time, with the
// trace recorded. Target: ≤ 2 s of wall time in Node.
//
// Run alone: npx tsx bench/throughput-net.ts
import { run, percentile, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EAGAIN, RLIMIT_NOFILE, ms, us, sec, type Sys, type EpollEvent, type World } from '../sim/index';

const world: World = {
  until: sec(1),
  maxEvents: 5_000_000,
  clients: [{ count: 10_000, port: 8080, active: 0.01, requests: Infinity, think: ms(10), every: us(20) }],
};

async function server(sys: Sys): Promise<void> {
  await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 20_000, rlim_max: 524_288 });
  const l = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(l, { addr: '0.0.0.0', port: 8080 });
  await sys.listen(l, 4096);
  const ep = await sys.epoll_create1(0);
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, l, { events: EPOLLIN, data: l });
  const events: EpollEvent[] = [];
  const buf = new Uint8Array(4096);
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 256, -1);
    for (let i = 0; i < n; i++) {
      const fd = events[i]!.data;
      if (fd === l) {
        for (let c; (c = await sys.accept4(l, null, SOCK_NONBLOCK)) >= 0; ) await sys.epoll_ctl(ep, EPOLL_CTL_ADD, c, { events: EPOLLIN, data: c });
        continue;
      }
      const m = await sys.read(fd, buf);
      if (m > 0) await sys.write(fd, buf, m);
      else if (m === 0 || sys.errno !== EAGAIN) await sys.close(fd);
    }
  }
}

export async function throughputNet(): Promise<{ title: string; lines: string[]; wallMs: number }> {
  const once = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await run(server, world);
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, r };
  };
  await once(); // warm up the JIT
  const runs = [await once(), await once(), await once()].sort((a, b) => a.ms - b.ms);
  const { ms: wall, cpuMs, r } = runs[1]!;
  const g = r.net.groups[0]!;
  const syscalls = r.events.filter((e) => e.cat === 'syscall').length;
  return {
    title: 'Network throughput (Node): epoll echo server, 10,000 connections, 1% active (64-byte echo every 10 ms), 1 s virtual',
    wallMs: wall,
    lines: [
      `${(wall / 1000).toFixed(2)} s wall for 1 s virtual (median of 3; target ≤ 2 s), ${(cpuMs / 1000).toFixed(2)} s of CPU time (about the wall time on an otherwise idle machine); stopped: ${r.stop.reason}`,
      `${g.connected.toLocaleString('en-US')} connections, ${g.responses.toLocaleString('en-US')} requests served, latency p50 ${(percentile(g.latencies, 50) / 1000).toFixed(0)} µs, p99 ${(percentile(g.latencies, 99) / 1000).toFixed(0)} µs`,
      `${syscalls.toLocaleString('en-US')} system calls, ${r.events.length.toLocaleString('en-US')} trace events (${Math.round(syscalls / (wall / 1000)).toLocaleString('en-US')} syscalls/s of wall time)`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await throughputNet();
  console.log(`${r.title}\n  ${r.lines.join('\n  ')}`);
}
