// Run: check the edited code (if the editor is open), run it in the worker, redraw the
// trace panel from the result.

import { renderTracePanel } from '../trace/render-panel';
import { runFingerprint } from '../trace/hash';
import { runInWorker, WATCHDOG_MS } from '../runner/client';
import { ui } from '../strings';
import type { LiveExampleElement } from './live-example-element';
import type { Problem } from '../editor/editor-handle';
import { esc } from '../trace/escape';
import type { Verdict } from 'inside-io';

/** What a finished run tells the page (an <Exercise> listens for the verdict). */
export interface ExampleRanDetail {
  ms: number;
  events: number;
  verdict?: Verdict;
  source: string;
  edited: boolean;
}

export function showProblems(el: LiveExampleElement, problems: Problem[]): void {
  const box = el.q('.ex-problems');
  if (problems.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.innerHTML = `<p>${esc(ui.fixErrors)}</p><ul>${problems
    .map((p) => `<li><a href="#" class="goto-line" data-line="${p.line}">${esc(ui.line)} ${p.line}</a>: ${esc(p.kind === 'syntax' ? ui.syntaxError : ui.typeError)}: ${esc(p.message)}</li>`)
    .join('')}</ul>`;
  box.hidden = false;
  el.markLine(problems[0]!.line);
}

export async function runExample(el: LiveExampleElement): Promise<void> {
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
    el.q('.ex-trace').innerHTML = renderTracePanel(r, { inspect: el.data.inspect, at: el.data.at });
    const same = !edited && runFingerprint(r) === el.dataset.hash;
    el.dataset.ranHash = runFingerprint(r);
    el.setStatus(same ? ui.identical : edited ? ui.ranEdited : ui.ranEdited);
    el.markLine(r.errors[0]?.line);
    const detail: ExampleRanDetail = { ms: out.ms, events: r.events.length, verdict: out.check?.verdict, source, edited };
    el.dispatchEvent(new CustomEvent('example-ran', { detail, bubbles: true }));
  } finally {
    runButton.disabled = false;
    el.removeAttribute('aria-busy');
  }
}
