// The runner: a module Web Worker holding the simulator. It runs one request at a
// time (a program, a set of programs, a sweep) and reports back; a heartbeat lets the
// page tell a long simulation from a program stuck in an infinite loop (which never
// gives the kernel control back).

import * as sim from 'inside-io';
import type { CheckOutcome, CheckRequest, RunnerMessage, RunnerRequest } from './protocol';
import { loadCheckModule, runAnswer, runCheck } from '../lab/check-module';
import { runSet, describeProgram } from '../lab/run-set';
import { runSweep } from '../lab/sweep';
import { runFingerprint } from '../trace/hash';

const post = (m: RunnerMessage) => (self as unknown as Worker).postMessage(m);

function heartbeat(id: number): (now: number, events: number) => void {
  let last = 0;
  return (now, events) => {
    const t = performance.now();
    if (t - last < 100) return;
    last = t;
    post({ type: 'progress', id, now, events });
  };
}

function check(req: CheckRequest, result: sim.RunResult, source: string): CheckOutcome {
  let mod: Record<string, unknown>;
  try {
    mod = loadCheckModule(req.js, req.file);
  } catch (err) {
    return { verdict: { ok: false, message: `The check module does not load: ${(err as Error).message}` } };
  }
  const out: CheckOutcome = {};
  if (req.verdict) out.verdict = runCheck(mod, result, source);
  if (req.answers) {
    out.answers = {};
    for (const name of req.answers) {
      try {
        out.answers[name] = runAnswer(mod, name, result);
      } catch (err) {
        out.answers[name] = { error: (err as Error).message };
      }
    }
  }
  return out;
}

self.onmessage = async (ev: MessageEvent<RunnerRequest>) => {
  const req = ev.data;
  post({ type: 'progress', id: req.id, now: 0, events: 0 });
  try {
    if (req.type === 'run') {
      const r = await sim.runSource(req.source, { [sim.SIM_MODULE]: sim }, { file: req.file, js: req.js, params: req.params, progress: heartbeat(req.id) });
      if (!r.ok) return post({ type: 'result', id: req.id, ok: false, error: r.error });
      post({ type: 'result', id: req.id, ok: true, result: r.result, params: r.params, check: req.check ? check(req.check, r.result, req.source) : undefined, hash: runFingerprint(r.result) });
    } else if (req.type === 'set') {
      const runs = await runSet(req.programs, { world: req.world, set: req.set, progress: heartbeat(req.id) });
      post({ type: 'set-result', id: req.id, runs });
    } else if (req.type === 'describe') {
      const d = describeProgram(req.program);
      post({ type: 'describe-result', id: req.id, params: d.params, world: d.world });
    } else if (req.type === 'sweep') {
      const series = await runSweep(req.spec, (done, total) => post({ type: 'sweep-progress', id: req.id, done, total }), heartbeat(req.id));
      post({ type: 'sweep-result', id: req.id, series });
    }
  } catch (err) {
    post({ type: 'failed', id: req.id, message: (err as Error).message });
  }
};
