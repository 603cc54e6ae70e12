// The page's side of the runner. One worker is kept warm between requests; a program
// that stops answering (no heartbeat for WATCHDOG_MS) is an infinite loop in user
// code: the worker is terminated, the reader told, and a fresh worker is used next time.
// Requests are queued: the worker does one at a time.

import type { ParamValue, RunResult, SourceError, SourceRun, World } from 'inside-io';
import type { CheckOutcome, CheckRequest, RunnerMessage, RunnerRequest } from './protocol';
import type { ProgramSpec, WorldChoice } from '../lab/run-set';
import type { SweepSeries, SweepSpec } from '../lab/sweep';

export const WATCHDOG_MS = 2000;
/**
 * Until the worker answers a request at all: loading and compiling the simulator in a
 * fresh worker can take seconds on a slow or busy machine, and no reader code runs before
 * the worker's first message, so no infinite loop can be the cause.
 */
const STARTUP_MS = 20_000;

type Failure = { ok: false; timeout: true } | { ok: false; crashed: string };

export type RunOutcome =
  | { ok: true; result: RunResult; params: Record<string, ParamValue>; check?: CheckOutcome; hash: string; ms: number }
  | { ok: false; error: SourceError }
  | Failure;

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  if (!worker) worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'inside-io runner' });
  return worker;
}

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

type Final = Exclude<RunnerMessage, { type: 'progress' } | { type: 'sweep-progress' }>;

/** Send one request; resolve with its final message, or a timeout/crash. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function call(req: WithoutId<RunnerRequest>, onMessage?: (m: RunnerMessage) => void): Promise<Final | Failure> {
  const job = queue.then(
    () =>
      new Promise<Final | Failure>((resolve) => {
        const w = getWorker();
        const id = nextId++;
        let timer = 0;
        const arm = (ms: number) => {
          clearTimeout(timer);
          timer = window.setTimeout(() => {
            cleanup();
            dropWorker();
            resolve({ ok: false, timeout: true });
          }, ms);
        };
        const listener = (ev: MessageEvent<RunnerMessage>) => {
          const m = ev.data;
          if (m.id !== id) return;
          arm(WATCHDOG_MS);
          if (m.type === 'progress' || m.type === 'sweep-progress') return onMessage?.(m);
          cleanup();
          resolve(m);
        };
        const onError = (ev: ErrorEvent) => {
          cleanup();
          dropWorker();
          resolve({ ok: false, crashed: ev.message || 'worker error' });
        };
        const cleanup = () => {
          clearTimeout(timer);
          w.removeEventListener('message', listener);
          w.removeEventListener('error', onError);
        };
        w.addEventListener('message', listener);
        w.addEventListener('error', onError);
        arm(STARTUP_MS);
        w.postMessage({ ...req, id } as RunnerRequest);
      }),
  );
  queue = job.catch(() => undefined);
  return job;
}

export interface RunInput {
  source: string;
  js?: string;
  file: string;
  params?: Record<string, ParamValue>;
  check?: CheckRequest;
}

export async function runInWorker(req: RunInput, onProgress?: (now: number, events: number) => void): Promise<RunOutcome> {
  const started = performance.now();
  const m = await call({ type: 'run', ...req }, (p) => p.type === 'progress' && onProgress?.(p.now, p.events));
  if ('timeout' in m || 'crashed' in m) return m;
  if (m.type === 'result') return m.ok ? { ok: true, result: m.result, params: m.params, check: m.check, hash: m.hash, ms: performance.now() - started } : { ok: false, error: m.error };
  return { ok: false, crashed: m.type === 'failed' ? m.message : 'unexpected reply' };
}

export async function runSetInWorker(programs: ProgramSpec[], world?: WorldChoice, set?: Record<string, ParamValue>): Promise<{ ok: true; runs: SourceRun[] } | Failure> {
  const m = await call({ type: 'set', programs, world, set });
  if ('timeout' in m || 'crashed' in m) return m;
  if (m.type === 'set-result') return { ok: true, runs: m.runs };
  return { ok: false, crashed: m.type === 'failed' ? m.message : 'unexpected reply' };
}

export async function sweepInWorker(spec: SweepSpec, onProgress: (done: number, total: number) => void): Promise<{ ok: true; series: SweepSeries[] } | Failure> {
  const m = await call({ type: 'sweep', spec }, (p) => p.type === 'sweep-progress' && onProgress(p.done, p.total));
  if ('timeout' in m || 'crashed' in m) return m;
  if (m.type === 'sweep-result') return { ok: true, series: m.series };
  return { ok: false, crashed: m.type === 'failed' ? m.message : 'unexpected reply' };
}

export async function describeInWorker(program: ProgramSpec): Promise<{ ok: true; params: Record<string, ParamValue>; world: World } | { ok: false; message: string }> {
  const m = await call({ type: 'describe', program });
  if ('timeout' in m) return { ok: false, message: 'timeout' };
  if ('crashed' in m) return { ok: false, message: m.crashed };
  if (m.type === 'describe-result') return { ok: true, params: m.params, world: m.world };
  return { ok: false, message: m.type === 'failed' ? m.message : 'unexpected reply' };
}
