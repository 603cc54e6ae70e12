// Edit: swap the static code for an editor. Desktops get Monaco (loaded now, not
// before); phones and touch screens get a plain text area.

import { ui } from '../strings';
import type { LiveExampleElement } from './live-example-element';

/** Monaco does not support mobile browsers; use the plain editor on touch-first or narrow screens. */
export function wantsPlainEditor(): boolean {
  return matchMedia('(pointer: coarse)').matches || window.innerWidth < 700 || new URLSearchParams(location.search).has('plain-editor');
}

/** Monaco keeps Tab for indentation: say, under the editor, how keyboard users get out (Esc). */
function showEditorHelp(host: HTMLElement): void {
  if (host.nextElementSibling?.classList.contains('ex-help')) return;
  const help = document.createElement('p');
  help.className = 'ex-help';
  help.textContent = ui.editorHelp;
  host.after(help);
}

export async function openEditor(el: LiveExampleElement): Promise<void> {
  if (el.editor) return el.editor.focus();
  const host = el.q('.ex-editor');
  const code = el.q('.ex-code');
  const source = el.currentSource();
  const onChange = (s: string) => el.keepEdit(s);
  el.button('edit').disabled = true;
  el.setStatus(ui.editorLoading);
  try {
    if (wantsPlainEditor()) {
      const { createPlainEditor } = await import('../editor/plain-editor');
      el.editor = createPlainEditor(host, source, onChange);
    } else {
      const { createMonacoEditor } = await import('../editor/monaco-editor');
      host.hidden = false;
      code.hidden = true;
      el.editor = await createMonacoEditor(host, el.exampleId, source, onChange);
      showEditorHelp(host);
    }
    el.editor.onCursorLine((line) => el.linkLine(line));
    host.hidden = false;
    code.hidden = true;
    el.button('edit').hidden = true;
    el.button('reset').hidden = source === el.data.source;
    el.setStatus(source === el.data.source ? '' : ui.edited);
    el.editor.focus();
    el.dispatchEvent(new CustomEvent('editor-ready'));
  } finally {
    el.button('edit').disabled = false;
  }
}
