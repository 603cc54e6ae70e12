// The whole trace panel under an example: timeline, counters, the program's output,
// how the run ended, and the strace-style log. One function, used at build time
// (static HTML in the page) and in the browser after Run.

import { computeStats, formatDuration, formatStrace, type RunResult, type Stats } from 'inside-io';
import { buildLanes } from './lanes.js';
import { renderTimeline } from './render-timeline.js';
import { esc } from './escape.js';
import { panelStrings } from '../strings';
import { renderInspectors } from '../inspect/render';
import type { InspectorKind } from '../inspect/render';

/** The static log shows this many lines; the rest is a download away. */
export const LOG_LINES = 400;

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '0%';
}

export function renderCounters(s: Stats): string {
  const total = s.duration * s.cpus;
  const cpuBar = (['user', 'system', 'irq', 'softirq', 'idle'] as const)
    .filter((k) => s.cpu[k] > 0)
    .map((k) => `<span class="cpu-${k}" style="width:${pct(s.cpu[k], total)}" title="${k}: ${formatDuration(s.cpu[k])} (${pct(s.cpu[k], total)})"></span>`)
    .join('');
  const item = (label: string, value: string, key: string) => `<div data-counter="${key}"><dt>${label}</dt><dd>${value}</dd></div>`;
  const top = Object.entries(s.syscallsByName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([n, c]) => `${esc(n)} ${c.toLocaleString('en-US')}`)
    .join(', ');
  const errs = Object.entries(s.errors)
    .map(([n, c]) => `${esc(n)} ${c.toLocaleString('en-US')}`)
    .join(', ');
  return `<dl class="counters">
${item('virtual time', formatDuration(s.duration), 'duration')}
${item('system calls', `${s.syscalls.toLocaleString('en-US')}${top ? ` <small>(${top})</small>` : ''}`, 'syscalls')}
${item('failed calls', errs || '0', 'errors')}
${item('context switches', s.contextSwitches.toLocaleString('en-US'), 'switches')}
${item('bytes copied', `${s.bytesToUser.toLocaleString('en-US')} to user, ${s.bytesFromUser.toLocaleString('en-US')} from user`, 'bytes')}
${item(`CPU time (${s.cpus} CPU${s.cpus > 1 ? 's' : ''})`, `user ${formatDuration(s.cpu.user)} · system ${formatDuration(s.cpu.system)}${s.cpu.irq + s.cpu.softirq ? ` · interrupts ${formatDuration(s.cpu.irq + s.cpu.softirq)}` : ''} · idle ${formatDuration(s.cpu.idle)}`, 'cpu')}
</dl><div class="cpu-bar" role="img" aria-label="CPU time: user ${pct(s.cpu.user, total)}, system ${pct(s.cpu.system, total)}, idle ${pct(s.cpu.idle, total)}">${cpuBar}</div>`;
}

export function renderOutput(r: RunResult): string {
  if (r.output.length === 0) return '';
  const text = r.output.map((o) => `<span class="${o.fd === 2 ? 'stderr' : 'stdout'}">${esc(o.text)}</span>`).join('');
  // Not a heading nor a landmark: a page has many examples, at any heading level.
  return `<div class="trace-output"><p class="trace-output-title">Output</p><pre tabindex="0">${text}</pre></div>`;
}

export function renderStop(r: RunResult): string {
  const errors = r.errors.map((e) => `<p class="run-error" data-line="${e.line ?? ''}">${esc(e.message)}${e.line ? ` <a href="#" class="goto-line" data-line="${e.line}">line ${e.line}</a>` : ''}</p>`).join('');
  const warnings = r.warnings.map((w) => `<p class="run-warning">${esc(w)}</p>`).join('');
  const kind = r.stop.reason === 'exit' ? 'ok' : r.stop.reason === 'time' ? 'info' : 'warn';
  return `<div class="run-stop run-stop-${kind}" data-stop="${r.stop.reason}"><p>${esc(r.stop.message)}</p>${errors}${warnings}</div>`;
}

// The logs scroll: tabindex="0" lets keyboard users scroll them too.
export function renderLog(r: RunResult): string {
  const lines = formatStrace(r.events).split('\n').filter(Boolean);
  const shown = lines.slice(0, LOG_LINES).map((l) => esc(l)).join('\n');
  const more = lines.length > LOG_LINES ? `\n… ${(lines.length - LOG_LINES).toLocaleString('en-US')} more lines` : '';
  return `<details class="strace"><summary>System calls, strace style <small>(${lines.length.toLocaleString('en-US')} lines)</small></summary><pre tabindex="0">${shown}${more}</pre></details>`;
}

export interface PanelOptions {
  /** Inspectors to draw, at time `at`. */
  inspect?: InspectorKind[];
  at?: number;
}

/** What stays static after a run, under the trace view: the whole run's counters, how it ended, its output. */
export function renderRunSummary(r: RunResult): string {
  return `<p class="summary-title">${esc(panelStrings.wholeRun)}</p>${renderCounters(computeStats(r))}${renderStop(r)}${renderOutput(r)}`;
}

export function renderTracePanel(r: RunResult, opts: PanelOptions = {}): string {
  const stats = computeStats(r);
  const inspectors = opts.inspect?.length ? renderInspectors(opts.inspect, r, opts.at ?? r.end) : '';
  return `${renderTimeline(buildLanes(r), r.end)}${inspectors}${renderCounters(stats)}${renderStop(r)}${renderOutput(r)}${renderLog(r)}`;
}
