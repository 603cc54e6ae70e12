// Running a program on a fresh simulated machine and collecting what happened.

import { Kernel, type OutputLine, type ProgramError, type Stop } from './kernel/kernel.js';
import type { ThreadMain } from './kernel/task.js';
import type { TraceEvent } from './trace/event.js';
import { Sys } from './sys.js';
import { resolveWorld, type World } from './world.js';
import type { Costs } from './cost.js';
import { attachNic, bootDevices } from './hw/boot.js';
import { startNetwork } from './net/world-start.js';
import type { NetReport } from './net/report.js';

export interface RunOptions {
  /** Record the line of the program that made each system call (default true). */
  captureLines?: boolean;
  /** The file name the program's code runs under (its sourceURL), to find its lines in stacks. */
  programFile?: string;
  /** Lines to subtract from stack line numbers (the wrapper the loader adds). */
  lineOffset?: number;
  /** Heartbeat while the kernel runs (see KernelOptions.progress). */
  progress?: (now: number, events: number) => void;
  /** Receives a function that records console output at the current virtual time. */
  attachConsole?: (write: (text: string, stream: 1 | 2) => void) => void;
}

export interface LaneInfo {
  tid: number;
  pid: number;
  name: string;
}

export interface RunResult {
  events: TraceEvent[];
  /** Virtual time when the run stopped. */
  end: number;
  cpus: number;
  costs: Costs;
  stop: Stop;
  errors: ProgramError[];
  output: OutputLine[];
  warnings: string[];
  threads: LaneInfo[];
  /** What the world's remote clients saw: connections, requests answered, latencies. */
  net: NetReport;
}

/** Run `main` as the first thread of a new process in `world`. Deterministic: same input, same result. */
export async function run(main: ThreadMain<Sys>, world?: World, opts: RunOptions = {}): Promise<RunResult> {
  const w = resolveWorld(world);
  const file = opts.programFile;
  const offset = opts.lineOffset ?? 0;
  const k = new Kernel({
    cpus: w.cpus,
    costs: w.costs,
    hz: w.hz,
    until: w.until,
    maxEvents: w.maxEvents,
    captureLines: opts.captureLines ?? file !== undefined,
    makeHandle: (kernel, t) => new Sys(kernel, t),
    lineOf: (stack) => (file ? lineInStack(stack, file, offset) : undefined),
    progress: opts.progress,
  });
  opts.attachConsole?.((text, stream) => {
    const t = k.userThread;
    k.output.push({ t: k.now, pid: t?.process.pid ?? 0, fd: stream, text, console: true });
  });
  bootDevices(k, w);
  const net = startNetwork(k, w.network, w.clients);
  attachNic(k, w);
  k.spawnProcess(w.name, main as ThreadMain, null);
  await k.run();
  return {
    events: k.events,
    end: k.now,
    cpus: w.cpus,
    costs: w.costs,
    stop: k.stop!,
    errors: k.errors,
    output: k.output,
    warnings: k.warnings,
    threads: k.allThreads().map((t) => ({ tid: t.tid, pid: t.process.pid, name: t.name })),
    net,
  };
}

/** The first frame of the program's own file in a V8 stack trace, as a line of its source. */
export function lineInStack(stack: string | undefined, file: string, offset: number): number | undefined {
  if (!stack) return undefined;
  const marker = file + ':';
  for (const frame of stack.split('\n')) {
    const i = frame.lastIndexOf(marker);
    if (i < 0) continue;
    const m = /^(\d+):\d+/.exec(frame.slice(i + marker.length));
    if (m) return Number(m[1]) - offset;
  }
  return undefined;
}
