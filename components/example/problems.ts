// The list of syntax and type errors shown before a run (nothing runs while there are any).

import type { Problem } from '../editor/editor-handle';
import { esc } from '../trace/escape';
import { ui } from '../strings';

export function showProblemsIn(box: HTMLElement, problems: Problem[], markLine: (line: number) => void): void {
  if (problems.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.innerHTML = `<p>${esc(ui.fixErrors)}</p><ul>${problems
    .map((p) => `<li><a href="#" class="goto-line" data-line="${p.line}">${esc(ui.line)} ${p.line}</a>: ${esc(p.kind === 'syntax' ? ui.syntaxError : ui.typeError)}: ${esc(p.message)}</li>`)
    .join('')}</ul>`;
  box.hidden = false;
  markLine(problems[0]!.line);
}
