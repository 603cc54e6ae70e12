// The editor for phones and touch screens, where Monaco is not supported: a text
// area that keeps indentation sane. Syntax errors come from the transpiler when the
// program is run; there is no type checking here.

import type { EditorHandle } from './editor-handle';
import { transpile } from '../../sim/program/transpile';

export function createPlainEditor(host: HTMLElement, source: string, onChange: (s: string) => void): EditorHandle {
  const area = document.createElement('textarea');
  area.className = 'plain-editor';
  area.value = source;
  area.spellcheck = false;
  area.autocapitalize = 'off';
  area.setAttribute('autocorrect', 'off');
  area.setAttribute('aria-label', 'Program editor');
  const fit = () => {
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 4, 900)}px`;
  };
  area.addEventListener('input', () => {
    fit();
    onChange(area.value);
  });
  area.addEventListener('keydown', (e) => {
    // Enter keeps the current line's indentation.
    if (e.key === 'Enter' && !e.shiftKey) {
      const { selectionStart: s, value } = area;
      const lineStart = value.lastIndexOf('\n', s - 1) + 1;
      const indent = /^[ \t]*/.exec(value.slice(lineStart))![0];
      if (indent) {
        e.preventDefault();
        area.setRangeText('\n' + indent, s, area.selectionEnd, 'end');
        area.dispatchEvent(new Event('input'));
      }
    }
  });
  host.replaceChildren(area);
  requestAnimationFrame(fit);
  return {
    getValue: () => area.value,
    setValue: (s) => {
      area.value = s;
      fit();
    },
    async problems() {
      const t = transpile(area.value);
      return t.ok ? [] : [{ kind: 'syntax', line: t.line, column: t.column, message: t.message.replace(/^Syntax error: /, '') }];
    },
    markLine(line, quiet) {
      // A text area cannot mark a line without selecting it; from the trace view, leave the reader's caret alone.
      if (line < 1 || quiet) return;
      const lines = area.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      area.focus();
      area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    },
    onCursorLine(fn) {
      let last = 0;
      const report = () => {
        const line = area.value.slice(0, area.selectionStart).split('\n').length;
        if (line !== last) fn((last = line));
      };
      area.addEventListener('click', report);
      area.addEventListener('keyup', (e) => e.key.startsWith('Arrow') && report());
    },
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}
