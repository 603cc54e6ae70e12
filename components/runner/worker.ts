// The runner: a module Web Worker holding the simulator. It runs one program at a
// time and reports back; a heartbeat lets the page tell a long simulation from a
// program stuck in an infinite loop (which never gives the kernel control back).

import * as sim from 'inside-io';
import type { RunRequest, RunnerMessage } from './protocol';

const post = (m: RunnerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (ev: MessageEvent<RunRequest>) => {
  const req = ev.data;
  if (req.type !== 'run') return;
  let last = 0;
  const progress = (now: number, events: number) => {
    const t = performance.now();
    if (t - last < 100) return;
    last = t;
    post({ type: 'progress', id: req.id, now, events });
  };
  post({ type: 'progress', id: req.id, now: 0, events: 0 });
  const r = await sim.runSource(req.source, { [sim.SIM_MODULE]: sim }, { file: req.file, js: req.js, progress });
  if (r.ok) post({ type: 'result', id: req.id, ok: true, result: r.result });
  else post({ type: 'result', id: req.id, ok: false, error: r.error });
};
