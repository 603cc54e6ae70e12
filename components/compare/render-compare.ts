// A comparison as HTML: the traces stacked on one time axis, then a table of metrics
// side by side with the differences marked. Used at build time and after "Run all".

import type { RunResult } from 'inside-io';
import { buildLanes } from '../trace/lanes';
import { renderTimeline } from '../trace/render-timeline';
import { esc } from '../trace/escape';
import { runMetrics, metricInfo, metricLabel, metricValue, isMetric, type Metrics } from '../lab/metrics';
import { formatValue, formatCount } from '../lab/format';
import { compareStrings as S } from '../strings';

/** Metrics shown when a chapter does not choose: the issue's list, where the runs have them. */
export const DEFAULT_METRICS = ['duration', 'syscalls', 'failedCalls', 'switches', 'bytesCopied', 'cpuUser', 'cpuSystem', 'cpuInterrupt', 'cpuIdle', 'requests', 'p50', 'p99'];

export function checkMetrics(keys: string[]): void {
  for (const k of keys) if (!isMetric(k)) throw new Error(`<Compare metrics>: unknown metric "${k}".`);
}

/** Rows worth showing: the chosen ones, or the defaults that are not empty in every run. */
export function pickMetrics(all: Metrics[], chosen?: string[]): string[] {
  if (chosen?.length) return chosen;
  return DEFAULT_METRICS.filter((k) => all.some((m) => Number.isFinite(m[k]) && m[k] !== 0));
}

function row(key: string, values: number[]): string {
  const info = metricInfo(key);
  const finite = values.filter((v) => Number.isFinite(v));
  const best = finite.length ? (info.better === 'lower' ? Math.min(...finite) : Math.max(...finite)) : NaN;
  const allSame = finite.length === values.length && finite.every((v) => v === finite[0]);
  const cells = values
    .map((v) => {
      const text = esc(formatValue(v, info.unit));
      if (allSame || !Number.isFinite(v)) return `<td>${text}</td>`;
      if (v === best) return `<td class="cmp-best"><strong>${text}</strong> <span class="cmp-tag">${esc(S.best)}</span></td>`;
      const ratio = info.better === 'lower' ? v / best : best / v;
      const r = Number.isFinite(ratio) && ratio >= 1.05 ? formatCount(Number(ratio.toPrecision(ratio >= 10 ? 3 : 2))) : '';
      return `<td class="cmp-worse">${text}${r ? ` <span class="cmp-ratio" title="${esc(S.timesBestTitle(r))}">${esc(S.timesBest(r))}</span>` : ''}</td>`;
    })
    .join('');
  return `<tr class="${allSame ? 'cmp-same' : 'cmp-diff'}"><th scope="row">${esc(metricLabel(key))}${allSame ? ` <small>(${esc(S.same)})</small>` : ''}</th>${cells}</tr>`;
}

export function renderMetricsTable(labels: string[], metrics: Metrics[], keys: string[]): string {
  const head = `<tr><th scope="col">${esc(S.metric)}</th>${labels.map((l) => `<th scope="col">${esc(l)}</th>`).join('')}</tr>`;
  const body = keys.map((k) => row(k, metrics.map((m) => metricValue(m, k)))).join('');
  return `<div class="cmp-table-wrap"><table class="cmp-table"><caption>${esc(S.tableCaption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** Stacked static timelines, all on the longest run's time scale. */
export function renderStacked(labels: string[], results: RunResult[]): string {
  const end = Math.max(1, ...results.map((r) => r.end));
  return results
    .map((r, i) => `<section class="cmp-trace" role="group" aria-label="${esc(labels[i]!)}"><p class="cmp-trace-title">${esc(labels[i]!)}</p>${renderTimeline(buildLanes(r), end)}${r.stop.reason !== 'exit' ? `<p class="cmp-stop">${esc(S.stoppedEarly(labels[i]!, r.stop.message))}</p>` : ''}</section>`)
    .join('');
}

export function renderComparison(labels: string[], results: RunResult[], chosen?: string[]): string {
  const metrics = results.map(runMetrics);
  const keys = pickMetrics(metrics, chosen);
  return `<div class="cmp-traces">${renderStacked(labels, results)}</div>${renderMetricsTable(labels, metrics, keys)}`;
}
