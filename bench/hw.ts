// Simulator cost of the hardware and asynchronous side, with the trace recorded:
//  1. one second of a 1 Gbit/s network card at full load: eight remote clients stream
//     64 KiB requests as fast as the link allows; every frame is DMA'd, interrupts and
//     NAPI polls in NET_RX deliver it, and an epoll server reads it;
//  2. 10,000 io_uring requests (4 KiB reads of a cached file, 32 in flight, 1 µs of the
//     program's own work per completion), without and with SQPOLL.
// Prints wall time (median of 3 after a warm-up), CPU time and what was simulated.
//
// Run alone: npx tsx bench/hw.ts
import {
  run, computeStats, AF_INET, SOCK_STREAM, SOCK_NONBLOCK, EPOLLIN, EPOLL_CTL_ADD, EAGAIN, O_RDONLY, IORING_SETUP_SQPOLL,
  io_uring_prep_read, sec, type Sys, type EpollEvent, type World, type RunResult,
} from '../sim/index';

interface Section {
  title: string;
  lines: string[];
}

/** Virtual seconds of the network test (HW_BENCH_SECONDS overrides, for a quick look). */
const SECONDS = Number(process.env.HW_BENCH_SECONDS ?? 1);

const nicWorld: World = {
  cpus: 2,
  until: sec(SECONDS),
  maxEvents: 5_000_000,
  nic: { coalesceUsecs: 50 }, // ethtool -C eth0 rx-usecs 50: at most ~20,000 interrupts a second
  network: { bandwidth: 1e9 },
  // Each client sends a 64 KiB request and waits for a 1-byte answer before the next: eight
  // of them keep the 1 Gbit/s link full while TCP's flow control keeps every queue bounded.
  clients: [{ count: 8, port: 9000, requests: Infinity, requestSize: 65536, responseSize: 1 }],
};

async function sink(sys: Sys): Promise<void> {
  const l = await sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
  await sys.bind(l, { addr: '0.0.0.0', port: 9000 });
  await sys.listen(l, 64);
  const ep = await sys.epoll_create1(0);
  await sys.epoll_ctl(ep, EPOLL_CTL_ADD, l, { events: EPOLLIN, data: l });
  const events: EpollEvent[] = [];
  const buf = new Uint8Array(65536);
  const received = new Map<number, number>();
  for (;;) {
    const n = await sys.epoll_wait(ep, events, 64, -1);
    for (let i = 0; i < n; i++) {
      const fd = events[i]!.data;
      if (fd === l) {
        for (let c; (c = await sys.accept4(l, null, SOCK_NONBLOCK)) >= 0; ) await sys.epoll_ctl(ep, EPOLL_CTL_ADD, c, { events: EPOLLIN, data: c });
        continue;
      }
      for (let m = await sys.read(fd, buf); ; m = await sys.read(fd, buf)) {
        if (m <= 0) {
          if (m === 0 || sys.errno !== EAGAIN) await sys.close(fd);
          break;
        }
        // One byte back per 64 KiB request received.
        const got = (received.get(fd) ?? 0) + m;
        received.set(fd, got % 65536);
        for (let k = 0; k < Math.floor(got / 65536); k++) await sys.write(fd, 'k');
      }
    }
  }
}

const REQUESTS = 10_000;
const uringWorld = (_sqpoll: boolean): World => ({ cpus: 2, until: sec(10), maxEvents: 5_000_000, files: { '/data/f': { size: 1 << 20, cached: true } } });


function uring(sqpoll: boolean) {
  return async (sys: Sys): Promise<void> => {
    const ring = (await sys.io_uring_queue_init(64, sqpoll ? { flags: IORING_SETUP_SQPOLL, sq_thread_idle: 100 } : {}))!;
    const fd = await sys.open('/data/f', O_RDONLY);
    const buf = new Uint8Array(4096);
    let sent = 0;
    let done = 0;
    while (done < REQUESTS) {
      while (sent - done < 32 && sent < REQUESTS) {
        const sqe = ring.get_sqe()!;
        io_uring_prep_read(sqe, fd, buf, 4096, (sent % 256) * 4096);
        sqe.user_data = sent++;
      }
      // Wait only when no completion is ready (with SQPOLL, submitting is then just a store).
      if (ring.cq_ready === 0) await ring.submit_and_wait(1);
      else await ring.submit();
      let got = 0;
      for (let c = ring.peek_cqe(); c; c = ring.peek_cqe()) {
        ring.cqe_seen(c);
        got++;
      }
      done += got;
      await sys.compute(got * 1000); // 1 µs of the program's own work per completion

    }
  };
}

async function timed(prog: (sys: Sys) => Promise<void>, world: World): Promise<{ ms: number; cpuMs: number; r: RunResult }> {
  const once = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await run(prog, world);
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, r };
  };
  await once(); // warm up the JIT
  const runs = [await once(), await once(), await once()].sort((a, b) => a.ms - b.ms);
  return runs[1]!;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export async function hwBench(): Promise<Section[]> {
  const nic = await timed(sink, nicWorld);
  const nr = nic.r;
  const frames = nr.events.filter((e) => e.cat === 'dma' && e.name === 'DMA to memory').length;
  const irqs = nr.events.filter((e) => e.cat === 'irq' && e.name.endsWith('eth0')).length;
  const received = nr.events.filter((e) => e.cat === 'syscall' && e.name === 'read' && (e.ret ?? 0) > 0).reduce((s, e) => s + e.ret!, 0);
  const st = computeStats(nr);
  const nicSection: Section = {
    title: `Hardware: ${SECONDS} s of a 1 Gbit/s network card at full load (DMA, interrupts, NAPI in NET_RX, epoll reader), trace recorded`,
    lines: [
      `${(nic.ms / 1000).toFixed(2)} s wall for ${SECONDS} s virtual (median of 3), ${(nic.cpuMs / 1000).toFixed(2)} s CPU; stopped: ${nr.stop.reason}`,
      `${n(frames)} frames received by DMA (${n(frames / (nr.end / 1e9))}/s), ${n(irqs)} interrupts (${(frames / Math.max(1, irqs)).toFixed(1)} frames per interrupt), ${(received * 8 / 1e6 / (nr.end / 1e9)).toFixed(0)} Mbit/s read by the program`,
      `simulated CPU time: softirq ${(st.cpu.softirq / 1e6).toFixed(1)} ms, irq ${(st.cpu.irq / 1e6).toFixed(1)} ms, system ${(st.cpu.system / 1e6).toFixed(1)} ms; ${n(nr.events.length)} trace events`,
    ],
  };
  const plain = await timed(uring(false), uringWorld(false));
  const sq = await timed(uring(true), uringWorld(true));
  const enters = (r: RunResult) => r.events.filter((e) => e.cat === 'syscall' && e.name === 'io_uring_enter').length;
  const uringSection: Section = {
    title: `Asynchronous I/O: ${n(REQUESTS)} io_uring requests (4 KiB reads of a cached file, 32 in flight, 1 µs of work each), trace recorded`,
    lines: [
      `without SQPOLL: ${plain.ms.toFixed(0)} ms wall (median of 3), ${(plain.r.end / 1e6).toFixed(2)} ms virtual, ${n(enters(plain.r))} io_uring_enter calls, ${n(plain.r.events.length)} trace events`,
      `with SQPOLL:    ${sq.ms.toFixed(0)} ms wall (median of 3), ${(sq.r.end / 1e6).toFixed(2)} ms virtual, ${n(enters(sq.r))} io_uring_enter calls, ${n(sq.r.events.length)} trace events`,
    ],
  };
  return [nicSection, uringSection];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const s of await hwBench()) console.log(`\n${s.title}\n  ${s.lines.join('\n  ')}`);
}
