// The trace as files: Chrome Trace Event JSON (Perfetto and chrome://tracing open it)
// and strace-style text. Made in the page from the run; nothing is uploaded anywhere.

import { formatStrace, toChromeTrace, type RunResult } from 'inside-io';
import { traceStrings as S } from '../strings';

export function straceText(run: RunResult): string {
  return `${formatStrace(run.events)}\n# ${run.stop.message}\n`;
}

function save(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A "Download" disclosure with one button per format. */
export function downloadMenu(run: RunResult, base: string): HTMLElement {
  const menu = document.createElement('details');
  menu.className = 'tv-menu tv-downloads';
  const summary = document.createElement('summary');
  summary.className = 'btn';
  summary.textContent = S.download;
  const list = document.createElement('div');
  list.className = 'tv-menu-body';
  const item = (label: string, action: string, fn: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn';
    b.dataset.download = action;
    b.textContent = label;
    b.addEventListener('click', () => {
      fn();
      menu.open = false;
    });
    list.append(b);
  };
  item(S.downloadChrome, 'chrome', () => save(`${base}.trace.json`, 'application/json', toChromeTrace(run)));
  item(S.downloadStrace, 'strace', () => save(`${base}.strace.txt`, 'text/plain', straceText(run)));
  menu.append(summary, list);
  return menu;
}
