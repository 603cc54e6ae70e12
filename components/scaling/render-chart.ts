// A scaling chart as SVG (one line per program, cost against the swept parameter) with
// a table of the same numbers for readers who do not see the chart. Drawn at build
// time and again after a live sweep.

import { esc } from '../trace/escape';
import { makeScale, wantsLog } from './axis';
import { formatValue, formatCount } from '../lab/format';
import type { Unit } from '../lab/metrics';
import type { SweepSeries } from '../lab/sweep';
import { scalingStrings as S } from '../strings';

export interface ChartSpec {
  labels: string[];
  xTitle: string;
  yTitle: string;
  yUnit: Unit;
  /** 'auto' picks log where the values span two decades or more. */
  xLog: boolean | 'auto';
  yLog: boolean | 'auto';
  title: string;
}

const W = 640;
const H = 340;
const M = { l: 78, r: 20, t: 16, b: 52 };
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASHES = ['', '7 4', '2 3', '9 3 2 3'];

function marker(kind: (typeof MARKERS)[number], x: number, y: number): string {
  switch (kind) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="4.5"/>`;
    case 'square':
      return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8"/>`;
    case 'triangle':
      return `<path d="M${x} ${y - 5.5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z"/>`;
    case 'diamond':
      return `<path d="M${x} ${y - 5.5}L${x + 5.5} ${y}L${x} ${y + 5.5}L${x - 5.5} ${y}Z"/>`;
  }
}

const short = (v: number, unit: Unit) => (unit === 'count' && Math.abs(v) >= 1000 ? compact(v) : formatValue(v, unit));
function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${formatCount(v / 1e9)}G`;
  if (a >= 1e6) return `${formatCount(v / 1e6)}M`;
  return `${formatCount(v / 1e3)}k`;
}

export function renderChart(series: SweepSeries[], spec: ChartSpec): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const xLog = spec.xLog === 'auto' ? wantsLog(xs) : spec.xLog;
  const yLog = spec.yLog === 'auto' ? wantsLog(ys) : spec.yLog;
  const sx = makeScale(xs, xLog);
  const sy = makeScale(ys, yLog, !yLog);
  const pw = W - M.l - M.r;
  const ph = H - M.t - M.b;
  const X = (v: number) => +(M.l + sx.at(v) * pw).toFixed(1);
  const Y = (v: number) => +(M.t + (1 - sy.at(v)) * ph).toFixed(1);
  const grid =
    sy.ticks.map((v) => `<line class="ch-grid" x1="${M.l}" x2="${W - M.r}" y1="${Y(v)}" y2="${Y(v)}"/><text class="ch-tick" x="${M.l - 6}" y="${Y(v) + 4}" text-anchor="end">${esc(short(v, spec.yUnit))}</text>`).join('') +
    sx.ticks.map((v) => `<line class="ch-grid" y1="${M.t}" y2="${H - M.b}" x1="${X(v)}" x2="${X(v)}"/><text class="ch-tick" x="${X(v)}" y="${H - M.b + 16}" text-anchor="middle">${esc(short(v, 'count'))}</text>`).join('');
  const lines = series
    .map((s, i) => {
      const pts = s.points.filter((p) => Number.isFinite(p.y) && (!yLog || p.y > 0));
      const path = pts.map((p, j) => `${j ? 'L' : 'M'}${X(p.x)} ${Y(p.y)}`).join('');
      const marks = pts
        .map((p) => `<g class="ch-pt${p.note ? ' ch-pt-note' : ''}">${marker(MARKERS[i % 4]!, X(p.x), Y(p.y))}<title>${esc(`${spec.labels[i]}: ${spec.xTitle} = ${formatCount(p.x)} → ${formatValue(p.y, spec.yUnit)}${p.note ? ` ${S.pointNote(p.note)}` : ''}`)}</title></g>`)
        .join('');
      return `<g class="ch-series ch-s${i % 4}"><path class="ch-line" d="${path}" stroke-dasharray="${DASHES[i % 4]}"/>${marks}</g>`;
    })
    .join('');
  const axes = `<line class="ch-axis" x1="${M.l}" x2="${W - M.r}" y1="${H - M.b}" y2="${H - M.b}"/><line class="ch-axis" x1="${M.l}" x2="${M.l}" y1="${M.t}" y2="${H - M.b}"/>`;
  const titles = `<text class="ch-title" x="${M.l + pw / 2}" y="${H - 10}" text-anchor="middle">${esc(spec.xTitle)}${xLog ? ` (${esc(S.logScale)})` : ''}</text><text class="ch-title" transform="translate(16 ${M.t + ph / 2}) rotate(-90)" text-anchor="middle">${esc(spec.yTitle)}${yLog ? ` (${esc(S.logScale)})` : ''}</text>`;
  const legend = spec.labels
    .map((l, i) => `<li class="ch-s${i % 4}"><svg width="34" height="12" aria-hidden="true"><line class="ch-line" x1="1" x2="33" y1="6" y2="6" stroke-dasharray="${DASHES[i % 4]}"/>${marker(MARKERS[i % 4]!, 17, 6)}</svg>${esc(l)}</li>`)
    .join('');
  const svg = `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(S.chartLabel(spec.title))}">${grid}${axes}${lines}${titles}</svg>`;
  return `<ul class="ch-legend">${legend}</ul>${svg}${renderTable(series, spec)}`;
}

function renderTable(series: SweepSeries[], spec: ChartSpec): string {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))];
  const head = `<tr><th scope="col">${esc(spec.xTitle)}</th>${spec.labels.map((l) => `<th scope="col">${esc(l)}</th>`).join('')}</tr>`;
  const body = xs
    .map((x) => `<tr><th scope="row">${esc(formatCount(x))}</th>${series.map((s) => {
      const p = s.points.find((q) => q.x === x);
      return `<td>${p ? esc(formatValue(p.y, spec.yUnit)) + (p.note ? ` <small>${esc(S.pointNote(p.note))}</small>` : '') : '—'}</td>`;
    }).join('')}</tr>`)
    .join('');
  return `<details class="ch-numbers"><summary>${esc(S.showNumbers)}</summary><table class="ch-table"><caption>${esc(spec.yTitle)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></details>`;
}
