// Below the timeline, following the cursor: the inspectors the chapter chose and the
// counters as they stood at that moment.

import { formatDuration } from 'inside-io';
import type { TraceModel } from './model';
import { countersAt } from './counters-at';
import { renderInspectors, type InspectorKind } from '../inspect/render';
import { esc } from '../trace/escape';
import { traceStrings as S } from '../strings';

export function renderPanels(m: TraceModel, inspect: InspectorKind[], t: number): string {
  const c = countersAt(m, t);
  const n = (x: number) => x.toLocaleString('en-US');
  const item = (label: string, value: string, key: string) => `<div data-counter-at="${key}"><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`;
  const counters = `<section class="tv-counters" role="group" aria-label="${esc(S.countersAt(formatDuration(Math.round(t))))}"><p class="tv-title">${esc(S.countersAt(formatDuration(Math.round(t))))}</p><dl class="counters">${[
    item(S.counterNames.syscalls, n(c.syscalls), 'syscalls'),
    item(S.counterNames.failed, n(c.failed), 'failed'),
    item(S.counterNames.switches, n(c.switches), 'switches'),
    item(S.counterNames.copied, n(c.copied), 'copied'),
    item(S.counterNames.cpu, S.cpuSplit(formatDuration(c.user), formatDuration(c.system), c.interrupts ? formatDuration(c.interrupts) : null, formatDuration(c.idle)), 'cpu'),
  ].join('')}</dl></section>`;
  return `${inspect.length ? renderInspectors(inspect, m.run, t) : ''}${counters}`;
}
