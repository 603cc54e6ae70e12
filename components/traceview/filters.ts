// Filters: which kinds of events the view draws and the cursor stops at, and which
// threads it shows.

import type { Category } from 'inside-io';
import type { Kind, TraceModel } from './model';
import { traceStrings as S } from '../strings';

/** The groups a reader can switch off, with the categories and drawn kinds each covers. */
export const FILTER_GROUPS: { key: string; categories: Category[]; kinds: Kind[] }[] = [
  { key: 'syscall', categories: ['syscall'], kinds: ['syscall'] },
  { key: 'copy', categories: ['copy'], kinds: ['copy'] },
  { key: 'sched', categories: ['sched', 'wait', 'wakeup'], kinds: ['switch', 'runnable', 'blocked'] },
  { key: 'irq', categories: ['irq', 'softirq'], kinds: ['irq', 'softirq'] },
  { key: 'dma', categories: ['dma', 'device'], kinds: ['dma', 'device'] },
  { key: 'io', categories: ['io'], kinds: [] },
  { key: 'note', categories: ['note'], kinds: [] },
];

export interface FilterState {
  off: Set<string>;
  hiddenTids: Set<number>;
}

export function categoriesOn(f: FilterState): Set<Category> {
  return new Set(FILTER_GROUPS.filter((g) => !f.off.has(g.key)).flatMap((g) => g.categories));
}

export function kindsHidden(f: FilterState): Set<Kind> {
  return new Set(FILTER_GROUPS.filter((g) => f.off.has(g.key)).flatMap((g) => g.kinds));
}

/** The filters disclosure; `changed` runs after every toggle. */
export function filterMenu(m: TraceModel, f: FilterState, changed: () => void): HTMLElement {
  const menu = document.createElement('details');
  menu.className = 'tv-menu tv-filters';
  const summary = document.createElement('summary');
  summary.className = 'btn';
  summary.textContent = S.filters;
  const body = document.createElement('div');
  body.className = 'tv-menu-body';
  const box = (legend: string, items: { label: string; checked: boolean; set: (on: boolean) => void; data: string }[]) => {
    const fs = document.createElement('fieldset');
    const lg = document.createElement('legend');
    lg.textContent = legend;
    fs.append(lg);
    for (const it of items) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = it.checked;
      input.dataset.filter = it.data;
      input.addEventListener('change', () => {
        it.set(input.checked);
        changed();
      });
      label.append(input, ` ${it.label}`);
      fs.append(label);
    }
    body.append(fs);
  };
  box(S.categories, FILTER_GROUPS.map((g) => ({ label: S.filterNames[g.key] ?? g.key, checked: !f.off.has(g.key), data: g.key, set: (on) => (on ? f.off.delete(g.key) : f.off.add(g.key)) })));
  // Threads that made system calls (kernel threads have none): the ones a reader may hide.
  const callers = new Set(m.lanes.filter((l) => l.tid !== undefined && l.tracks.some((t) => t.role === 'strip' && t.track.n > 0)).map((l) => l.tid));
  const users = m.run.threads.filter((t) => callers.has(t.tid));
  if (users.length > 1) {
    box(S.threads, users.map((t) => ({ label: `${t.name} · ${t.tid}`, checked: !f.hiddenTids.has(t.tid), data: `tid${t.tid}`, set: (on) => (on ? f.hiddenTids.delete(t.tid) : f.hiddenTids.add(t.tid)) })));
  }
  menu.append(summary, body);
  return menu;
}
