// Exercise checks and prediction answers: a TypeScript module next to an example
// (content/examples/<folder>/<name>.check.ts) that reads a finished run. Tests import
// it directly; the build transpiles it and the browser's worker loads it here, so the
// same check judges the reader's run in the page and the author's solution in `npm test`.

import * as sim from 'inside-io';
import type { RunResult, Verdict } from 'inside-io';

export type CheckFn = (run: RunResult, source: string) => Verdict;
export type AnswerValue = number | string;
export interface Answer {
  value: AnswerValue;
  /** What the trace shows, in words ("read() returned EAGAIN 47 times"). */
  explain?: string;
}
export type AnswerFn = (run: RunResult) => AnswerValue | Answer;

/** Evaluate a transpiled check module; it may import only from "inside-io", like the programs it checks. */
export function loadCheckModule(js: string, file = 'check.ts'): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (name === sim.SIM_MODULE) return sim;
    throw new Error(`${file}: a check can import only from "${sim.SIM_MODULE}", not "${name}".`);
  };
  new Function('exports', 'require', 'module', `${js}\n//# sourceURL=${file}`)(module.exports, require, module);
  return module.exports;
}

/** Transpile and load, for build-time use. */
export function compileCheckModule(source: string, file: string): { js: string; exports: Record<string, unknown> } {
  const t = sim.transpile(source, file);
  if (!t.ok) throw new Error(`${file}: ${t.message} (line ${t.line})`);
  return { js: t.code, exports: loadCheckModule(t.code, file) };
}

/** Judge a run; a check that throws is reported as a failed check, never as a crash of the page. */
export function runCheck(mod: Record<string, unknown>, run: RunResult, source: string, name = 'check'): Verdict {
  const fn = mod[name];
  if (typeof fn !== 'function') return { ok: false, message: `The check module has no function "${name}".` };
  try {
    const v = (fn as CheckFn)(run, source);
    if (!v || typeof v.ok !== 'boolean' || typeof v.message !== 'string') return { ok: false, message: `The check "${name}" did not return { ok, message }.` };
    return { ok: v.ok, message: v.message };
  } catch (err) {
    return { ok: false, message: `The check could not read this run: ${(err as Error).message}` };
  }
}

/** The true answer to a prediction question, from the run. */
export function runAnswer(mod: Record<string, unknown>, name: string, run: RunResult): Answer {
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`The check module has no answer function "${name}".`);
  const v = (fn as AnswerFn)(run);
  if (typeof v === 'number' || typeof v === 'string') return { value: v };
  if (v && (typeof v.value === 'number' || typeof v.value === 'string')) return { value: v.value, explain: typeof v.explain === 'string' ? v.explain : undefined };
  throw new Error(`The answer function "${name}" must return a number, a string or { value, explain }.`);
}
