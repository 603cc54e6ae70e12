// Run: check the edited code (if the editor is open), run it in the worker, redraw the
// trace panel from the result.

import { renderRunSummary } from '../trace/render-panel';
import { TraceView } from '../traceview/trace-view';
import { runInWorker, WATCHDOG_MS } from '../runner/client';
import { ui } from '../strings';
import type { LiveExampleElement } from './live-example-element';
import type { Problem } from '../editor/editor-handle';
import { showProblemsIn } from './problems';
import type { RunResult, Verdict } from 'inside-io';

/** What a finished run tells the page (an <Exercise> listens for the verdict). */
export interface ExampleRanDetail {
  ms: number;
  events: number;
  verdict?: Verdict;
  source: string;
  edited: boolean;
}

export function showProblems(el: LiveExampleElement, problems: Problem[]): void {
  showProblemsIn(el.q('.ex-problems'), problems, (line) => el.markLine(line));
}

/** Replace the static timeline with the interactive trace view, the whole-run summary under it. */
function mountTrace(el: LiveExampleElement, r: RunResult, source: string): void {
  el.trace?.destroy();
  const tv = new TraceView({
    run: r,
    file: el.dataset.file!,
    inspect: el.data.inspect,
    at: el.trace ? el.trace.cursorTime : el.data.at,
    onLine: (line) => el.markLine(line ?? undefined, 'trace'),
    label: el.querySelector('.ex-title')?.textContent ?? undefined,
  });
  const summary = document.createElement('div');
  summary.className = 'ex-summary';
  summary.innerHTML = renderRunSummary(r);
  el.q('.ex-trace').replaceChildren(tv.el, summary);
  el.trace = tv;
  el.traceSource = source;
}

export async function runExample(el: LiveExampleElement, opts: { focusTrace?: boolean } = {}): Promise<void> {
  const runButton = el.button('run');
  if (runButton.disabled) return;
  const source = el.currentSource();
  const edited = source !== el.data.source;
  if (el.editor) {
    const problems = await el.editor.problems();
    showProblems(el, problems);
    if (problems.length > 0) return;
  } else {
    showProblems(el, []);
  }
  runButton.disabled = true;
  el.setAttribute('aria-busy', 'true');
  el.setStatus(ui.running);
  try {
    const check = el.data.check ? { ...el.data.check, verdict: true } : undefined;
    const out = await runInWorker({ source, js: edited ? undefined : el.data.js, file: el.dataset.file!, check });
    if (!out.ok) {
      if ('timeout' in out) el.setStatus(ui.tooLong(WATCHDOG_MS / 1000));
      else if ('crashed' in out) el.setStatus(ui.workerCrashed);
      else {
        el.setStatus(out.error.message);
        if (out.error.line) showProblems(el, [{ line: out.error.line, column: out.error.column ?? 1, message: out.error.message, kind: 'syntax' }]);
      }
      return;
    }
    const r = out.result;
    mountTrace(el, r, source);
    // The worker computed the fingerprint: hashing 100,000 events here would hold the page up.
    const same = !edited && out.hash === el.dataset.hash;
    el.dataset.ranHash = out.hash;
    el.setStatus(same ? ui.identical : edited ? ui.ranEdited : ui.ranEdited);
    el.markLine(r.errors[0]?.line);
    const detail: ExampleRanDetail = { ms: out.ms, events: r.events.length, verdict: out.check?.verdict, source, edited };
    el.dispatchEvent(new CustomEvent('example-ran', { detail, bubbles: true }));
    if (opts.focusTrace) el.trace?.focus();
  } finally {
    runButton.disabled = false;
    el.removeAttribute('aria-busy');
  }
}
