// The page's side of the runner. One worker is kept warm between runs; a program that
// stops answering (no heartbeat for WATCHDOG_MS) is an infinite loop in user code: the
// worker is terminated, the reader told, and a fresh worker is used next time.

import type { RunResult, SourceError } from 'inside-io';
import type { RunRequest, RunnerMessage } from './protocol';

export const WATCHDOG_MS = 2000;

export type RunOutcome =
  | { ok: true; result: RunResult; ms: number }
  | { ok: false; error: SourceError }
  | { ok: false; timeout: true }
  | { ok: false; crashed: string };

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  if (!worker) worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'inside-io runner' });
  return worker;
}

function dropWorker(): void {
  worker?.terminate();
  worker = null;
}

export function runInWorker(req: Omit<RunRequest, 'type' | 'id'>, onProgress?: (now: number, events: number) => void): Promise<RunOutcome> {
  const w = getWorker();
  const id = nextId++;
  const started = performance.now();
  return new Promise((resolve) => {
    let timer = 0;
    const arm = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        cleanup();
        dropWorker();
        resolve({ ok: false, timeout: true });
      }, WATCHDOG_MS);
    };
    const onMessage = (ev: MessageEvent<RunnerMessage>) => {
      const m = ev.data;
      if (m.id !== id) return;
      if (m.type === 'progress') {
        arm();
        onProgress?.(m.now, m.events);
        return;
      }
      cleanup();
      resolve(m.ok ? { ok: true, result: m.result, ms: performance.now() - started } : { ok: false, error: m.error });
    };
    const onError = (ev: ErrorEvent) => {
      cleanup();
      dropWorker();
      resolve({ ok: false, crashed: ev.message || 'worker error' });
    };
    const cleanup = () => {
      clearTimeout(timer);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    arm();
    w.postMessage({ type: 'run', id, ...req } satisfies RunRequest);
  });
}
