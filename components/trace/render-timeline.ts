// The timeline as static HTML + SVG: a label column and, per lane, an SVG whose
// x axis is the run's time scaled to 1000 units. Works with JavaScript off (native
// tooltips from <title>), and is what the page shows before any Run.

import { formatDuration } from 'inside-io';
import { esc } from './escape.js';
import { KIND_LABEL, type Lane, type Segment, type SegmentKind } from './lanes.js';

const WIDTH = 1000;
/** Segments narrower than this (in the 1000-unit scale) are widened so they stay visible. */
const MIN_W = 0.6;

interface Drawn {
  x: number;
  w: number;
  kind: SegmentKind;
  title: string;
  seq: number;
  count: number;
  line?: number;
}

/** Merge neighbouring segments of one kind that would overlap on screen: a 10,000-syscall lane stays a few hundred rects. */
function pack(segments: Segment[], end: number): Drawn[] {
  const out: Drawn[] = [];
  const scale = WIDTH / Math.max(end, 1);
  const lastByKind = new Map<SegmentKind, Drawn>();
  for (const s of segments) {
    const x = s.t * scale;
    const w = Math.max(s.dur * scale, MIN_W);
    const prev = lastByKind.get(s.kind);
    if (prev && x <= prev.x + prev.w + 0.3) {
      prev.w = Math.max(prev.w, x + w - prev.x);
      prev.count++;
      continue;
    }
    const d: Drawn = { x, w, kind: s.kind, title: s.title, seq: s.seq, count: 1, line: s.line };
    lastByKind.set(s.kind, d);
    out.push(d);
  }
  return out;
}

function laneSvg(lane: Lane, end: number): string {
  const rects = pack(lane.segments, end)
    .map((d) => {
      const title = d.count > 1 ? `${d.count} × ${KIND_LABEL[d.kind]} (zoom in or run to see each)` : d.title;
      const line = d.line !== undefined && d.count === 1 ? ` data-line="${d.line}"` : '';
      return `<rect class="k-${d.kind}" x="${d.x.toFixed(2)}" y="0" width="${d.w.toFixed(2)}" height="10" data-seq="${d.seq}"${line}><title>${esc(title)}</title></rect>`;
    })
    .join('');
  const scale = WIDTH / Math.max(end, 1);
  const marks = lane.marks
    .slice(0, 500)
    .map((m) => `<rect class="k-wake" x="${(m.t * scale).toFixed(2)}" y="0" width="${MIN_W}" height="10"><title>${esc(m.title)}</title></rect>`)
    .join('');
  return `<svg class="lane-svg" viewBox="0 0 ${WIDTH} 10" preserveAspectRatio="none" role="img" aria-label="${esc(lane.label)}: ${esc(laneSummary(lane))}">${rects}${marks}</svg>`;
}

function laneSummary(lane: Lane): string {
  const totals = new Map<SegmentKind, number>();
  for (const s of lane.segments) totals.set(s.kind, (totals.get(s.kind) ?? 0) + s.dur);
  if (totals.size === 0) return 'idle';
  return [...totals].map(([k, v]) => `${KIND_LABEL[k]} ${formatDuration(v)}`).join(', ');
}

/** Tick positions for a readable axis: 1, 2 or 5 × 10^n. */
export function ticks(end: number, approx = 6): number[] {
  if (end <= 0) return [0];
  const raw = end / approx;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) out.push(Math.round(t));
  return out;
}

export function renderTimeline(lanes: Lane[], end: number): string {
  const groups: [Lane['group'], string][] = [['cpu', 'CPUs'], ['thread', 'Threads'], ['device', 'Devices']];
  let rows = '';
  for (const [group, title] of groups) {
    const ls = lanes.filter((l) => l.group === group);
    if (ls.length === 0) continue;
    rows += `<div class="tl-group" role="presentation">${title}</div>`;
    for (const lane of ls) rows += `<div class="tl-label">${esc(lane.label)}</div><div class="tl-lane" data-lane="${esc(lane.id)}">${laneSvg(lane, end)}</div>`;
  }
  const axis = ticks(end)
    .map((t) => `<span class="tl-tick" style="left:${((t / Math.max(end, 1)) * 100).toFixed(3)}%">${esc(formatDuration(t))}</span>`)
    .join('');
  const used = new Set(lanes.flatMap((l) => l.segments.map((s) => s.kind)));
  const legend = (Object.keys(KIND_LABEL) as SegmentKind[])
    .filter((k) => used.has(k))
    .map((k) => `<span class="tl-key"><svg width="14" height="10" aria-hidden="true"><rect class="k-${k}" width="14" height="10"/></svg>${KIND_LABEL[k]}</span>`)
    .join('');
  return `<div class="timeline"><div class="tl-grid">${rows}<div></div><div class="tl-axis" aria-hidden="true">${axis}</div></div><div class="tl-legend">${legend}<span class="tl-key"><svg width="14" height="10" aria-hidden="true"><rect class="k-idle" width="14" height="10"/></svg>idle</span></div></div>`;
}
