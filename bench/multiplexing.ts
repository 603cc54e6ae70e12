// select, poll and epoll_wait with N = 10, 100, 1,000, 10,000 watched descriptors of
// which one is ready on every call: on this machine's kernel (bench/real/multiplex.c,
// compiled here with gcc) and the same experiment on the simulator. Prints both tables
// and the ratios poll/epoll and select/epoll; the target is the sim's ratios within a
// factor of 2 of the real ones at N = 1,000 and 10,000. select stops below FD_SETSIZE.
//
// Run alone: npx tsx bench/multiplexing.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, FdSet, FD_SET, POLLIN, EPOLLIN, EPOLL_CTL_ADD, RLIMIT_NOFILE, sec, type PollFd, type EpollEvent, type Sys } from '../sim/index';

type Mech = 'select' | 'poll' | 'epoll';
const MECHS: Mech[] = ['select', 'poll', 'epoll'];
const SIZES = [10, 100, 1000, 10_000];
const usable = (m: Mech, n: number) => m !== 'select' || n < 1024;

const SRC = fileURLToPath(new URL('./real/multiplex.c', import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));

/** ns per call on the real kernel, or null when it could not be measured (no gcc). */
function realTimes(): Map<string, number> | string {
  const bin = OUT + 'multiplex';
  try {
    mkdirSync(OUT, { recursive: true });
    execFileSync('gcc', ['-O2', '-o', bin, SRC], { stdio: 'pipe' });
  } catch (e) {
    return `could not compile bench/real/multiplex.c: ${(e as Error).message.split('\n')[0]}`;
  }
  const out = new Map<string, number>();
  for (const m of MECHS) {
    for (const n of SIZES) {
      if (!usable(m, n)) continue;
      // Best of five runs of ≥ 150 ms of CPU time: the machine may be shared.
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const line = execFileSync(bin, [m, String(n), '150'], { timeout: 60_000 }).toString().trim();
        best = Math.min(best, Number(line.split(' ')[2]));
      }
      out.set(`${m} ${n}`, best);
    }
  }
  return out;
}

/** The same experiment on the simulator: virtual ns per call (deterministic, so a few calls suffice). */
async function simTime(mech: Mech, n: number): Promise<number> {
  let perCall = NaN;
  const calls = n >= 10_000 ? 5 : 20;
  const r = await run(
    async (sys: Sys) => {
      await sys.setrlimit(RLIMIT_NOFILE, { rlim_cur: 32_768, rlim_max: 524_288 });
      const idle = [0, 0];
      const active = [0, 0];
      await sys.pipe(idle);
      await sys.pipe(active);
      const fds: number[] = [];
      for (let i = 0; i < n - 1; i++) fds.push(await sys.dup(idle[0]!));
      fds.push(await sys.dup(active[0]!));
      await sys.write(active[1]!, 'x');
      const maxfd = fds[n - 1]!;
      const pfds: PollFd[] = fds.map((fd) => ({ fd, events: POLLIN, revents: 0 }));
      const ep = await sys.epoll_create1(0);
      if (mech === 'epoll') for (const fd of fds) await sys.epoll_ctl(ep, EPOLL_CTL_ADD, fd, { events: EPOLLIN, data: fd });
      const out: EpollEvent[] = [];
      const once = async () => {
        let r: number;
        if (mech === 'select') {
          const rd = new FdSet();
          for (const fd of fds) FD_SET(fd, rd);
          r = await sys.select(maxfd + 1, rd, null, null, null);
        } else if (mech === 'poll') r = await sys.poll(pfds, n, -1);
        else r = await sys.epoll_wait(ep, out, 64, -1);
        if (r !== 1) throw new Error(`${mech} returned ${r}`);
      };
      await once();
      const t0 = sys.clock_gettime();
      for (let i = 0; i < calls; i++) await once();
      perCall = (sys.clock_gettime() - t0) / calls;
    },
    { until: sec(100), maxEvents: 5_000_000 },
  );
  if (r.errors.length) throw new Error(r.errors[0]!.message);
  return perCall;
}

const fmt = (ns: number | undefined) => (ns === undefined ? '—' : ns >= 10_000 ? `${(ns / 1000).toFixed(0)} µs` : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '—' : (a / b).toFixed(a / b >= 100 ? 0 : 1));

function table(times: Map<string, number>): string[] {
  const lines = [`${'N'.padStart(7)}  ${'select'.padStart(9)}  ${'poll'.padStart(9)}  ${'epoll_wait'.padStart(10)}  ${'poll/epoll'.padStart(10)}  ${'select/epoll'.padStart(12)}`];
  for (const n of SIZES) {
    const s = times.get(`select ${n}`);
    const p = times.get(`poll ${n}`);
    const e = times.get(`epoll ${n}`);
    lines.push(`${n.toLocaleString('en-US').padStart(7)}  ${fmt(s).padStart(9)}  ${fmt(p).padStart(9)}  ${fmt(e).padStart(10)}  ${ratio(p, e).padStart(10)}  ${ratio(s, e).padStart(12)}`);
  }
  return lines;
}

export async function multiplexing(): Promise<{ title: string; lines: string[] }[]> {
  const sim = new Map<string, number>();
  for (const m of MECHS) for (const n of SIZES) if (usable(m, n)) sim.set(`${m} ${n}`, await simTime(m, n));
  const real = realTimes();
  const sections = [];
  if (typeof real === 'string') {
    sections.push({ title: 'select / poll / epoll_wait on the real kernel', lines: [real] });
  } else {
    sections.push({ title: 'select / poll / epoll_wait on this machine\'s kernel: CPU time per call, N watched, 1 ready (bench/real/multiplex.c)', lines: table(real) });
  }
  sections.push({ title: 'The same on the simulator: virtual time per call', lines: table(sim) });
  if (typeof real !== 'string') {
    const lines: string[] = [];
    let ok = true;
    for (const n of [1000, 10_000]) {
      for (const m of ['poll', 'select'] as const) {
        if (!usable(m, n)) continue;
        const rr = real.get(`${m} ${n}`)! / real.get(`epoll ${n}`)!;
        const sr = sim.get(`${m} ${n}`)! / sim.get(`epoll ${n}`)!;
        const f = sr / rr;
        const within = f <= 2 && f >= 0.5;
        ok &&= within;
        lines.push(`N=${n.toLocaleString('en-US')}: ${m}/epoll sim ${sr.toFixed(0)} vs real ${rr.toFixed(0)}: sim/real = ${f.toFixed(2)} ${within ? '(within 2×)' : '(OFF by more than 2×)'}`);
      }
    }
    lines.push(ok ? 'Target met: the sim\'s ratios are within 2× of the real kernel\'s at N = 1,000 and 10,000.' : 'Target NOT met.');
    sections.push({ title: 'Ratios, sim against real', lines });
  }
  return sections;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const s of await multiplexing()) console.log(`\n${s.title}\n  ${s.lines.join('\n  ')}`);
}
