// Painting the trace view: lanes with their spans (level of detail: spans narrower
// than a pixel merge into one pixel column per kind), the time axis, wakeup ticks,
// the highlighted line's calls, the selected event and the cursor.

import { formatDuration } from 'inside-io';
import { KINDS, firstVisible, type Kind, type TraceModel, type Track } from './model';
import { AXIS_H, trackBox, type Layout } from './layout';
import type { Viewport } from './viewport';
import { chrome, kindStyle, patternTile, type Chrome } from './palette';
import { ticks } from '../trace/render-timeline';

export interface DrawState {
  theme: 'light' | 'dark';
  /** Kinds not drawn (filters). */
  hidden: ReadonlySet<Kind>;
  cursor: number;
  /** The event at the cursor (index into run.events), outlined. */
  selected: number | null;
  hover: number | null;
  /** Events of the highlighted line of code. */
  highlight: ReadonlySet<number>;
}

interface Paint {
  solid: string[];
  fill: (string | CanvasPattern)[];
  c: Chrome;
}

const paints = new Map<string, Paint>();

function paint(g: CanvasRenderingContext2D, theme: 'light' | 'dark', dpr: number): Paint {
  const key = `${theme}:${dpr}`;
  let p = paints.get(key);
  if (!p) {
    const styles = KINDS.map((k) => kindStyle(k, theme));
    p = {
      solid: styles.map((s) => s.fill),
      fill: styles.map((s) => {
        const tile = patternTile(s, dpr);
        const pat = tile && g.createPattern(tile, 'repeat');
        if (pat) pat.setTransform(new DOMMatrix().scale(1 / dpr));
        return pat ?? s.fill;
      }),
      c: chrome(theme),
    };
    paints.set(key, p);
  }
  return p;
}

const LAST_PX = new Int32Array(KINDS.length);

/** Spans of one track in the window; tiny ones coalesce per pixel column. */
function drawTrack(g: CanvasRenderingContext2D, tr: Track, vp: Viewport, width: number, y: number, h: number, st: DrawState, p: Paint, labels: ((i: number, x0: number, x1: number) => void) | null): void {
  const k = width / vp.span;
  // Spans under a pixel wide: one rect per kind and pixel column, however many fall in it.
  const lastPx = LAST_PX.fill(-1);
  for (let i = firstVisible(tr, vp.t0); i < tr.n; i++) {
    const s = tr.start[i]!;
    if (s > vp.t1) break;
    const e = tr.end[i]!;
    if (e < vp.t0) continue;
    const kind = tr.kind[i]!;
    if (st.hidden.has(KINDS[kind]!)) continue;
    const x0 = (s - vp.t0) * k;
    const x1 = (e - vp.t0) * k;
    if (x1 - x0 < 1.5) {
      const px = Math.floor(x0);
      if (px === lastPx[kind]) continue;
      lastPx[kind] = px;
      g.fillStyle = p.solid[kind]!;
      g.fillRect(px, y, 1, h);
      continue;
    }
    const a = Math.max(x0, -2);
    const b = Math.min(x1, width + 2);
    g.fillStyle = p.fill[kind]!;
    g.fillRect(a, y, b - a, h);
    if (labels && b - a > 34) labels(i, a, b);
  }
}

function label(g: CanvasRenderingContext2D, text: string, x0: number, x1: number, y: number, h: number, c: Chrome): void {
  const room = x1 - x0 - 6;
  let t = text;
  let w = g.measureText(t).width;
  if (w > room) {
    while (t.length > 2 && g.measureText(t + '…').width > room) t = t.slice(0, -1);
    t += '…';
    w = g.measureText(t).width;
    if (w > room) return;
  }
  const x = Math.max(x0 + 3, Math.min((x0 + x1) / 2 - w / 2, x1 - 3 - w));
  g.fillStyle = c.laneBg;
  g.globalAlpha = 0.82;
  g.fillRect(x - 2, y + 1, w + 4, h - 2);
  g.globalAlpha = 1;
  g.fillStyle = c.text;
  g.fillText(t, x, y + h / 2 + 0.5);
}

function spanText(m: TraceModel, i: number, role: string): string {
  const e = m.run.events[i]!;
  if (role === 'strip') return e.name;
  if (e.cat === 'wait') return `asleep: ${e.name}`;
  if (e.cat === 'sched') return e.cpu === undefined ? 'runnable' : `→ ${m.threadName.get(Number(e.detail?.next)) ?? ''}`;
  if ((e.cat === 'user' || e.cat === 'kernel') && e.tid !== undefined && role === 'cpu') return `${m.threadName.get(e.tid) ?? ''} · ${e.tid}`;
  if (e.cat === 'irq' || e.cat === 'softirq' || e.cat === 'dma' || e.cat === 'device') return e.name;
  return '';
}

export function drawTrace(g: CanvasRenderingContext2D, m: TraceModel, l: Layout, vp: Viewport, width: number, dpr: number, st: DrawState): void {
  const p = paint(g, st.theme, dpr);
  const c = p.c;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, l.height);
  g.font = '10.5px system-ui, sans-serif';
  g.textBaseline = 'middle';
  // Lane backgrounds and the grid.
  l.rows.forEach((r, i) => {
    g.fillStyle = i % 2 ? c.laneBgAlt : c.laneBg;
    g.fillRect(0, r.y, width, r.h);
  });
  const tk = ticks(vp.span, Math.max(2, Math.floor(width / 110)));
  const step = tk[1] ?? vp.span;
  const first = Math.ceil(vp.t0 / step) * step;
  g.fillStyle = c.grid;
  g.textAlign = 'center';
  for (let t = first; t <= vp.t1; t += step) {
    const x = Math.round(vp.x(t, width)) + 0.5;
    g.fillStyle = c.grid;
    g.fillRect(x, AXIS_H - 4, 1, l.height - AXIS_H + 4);
    g.fillStyle = c.textSoft;
    g.fillText(formatDuration(Math.round(t)), Math.min(Math.max(x, 24), width - 24), AXIS_H / 2 - 1);
  }
  g.fillStyle = c.grid;
  g.fillRect(0, AXIS_H - 1, width, 1);
  g.textAlign = 'left';
  // Spans.
  for (const r of l.rows) {
    for (const { role, track } of r.lane.tracks) {
      const box = trackBox(r, role);
      const labels = role === 'under' ? null : (i: number, a: number, b: number) => {
        const text = spanText(m, track.ev[i]!, r.lane.group === 'cpu' ? 'cpu' : role);
        if (text) label(g, text, a, b, box.y, box.h, c);
      };
      drawTrack(g, track, vp, width, box.y, box.h, st, p, labels);
    }
    // Wakeups: a tick with a notch, above the band.
    if (!st.hidden.has('runnable')) {
      g.fillStyle = c.wake;
      for (const mk of r.lane.marks) {
        if (mk.t < vp.t0 || mk.t > vp.t1) continue;
        const x = Math.round(vp.x(mk.t, width));
        g.fillRect(x, r.y, 1.5, r.h);
        g.beginPath();
        g.moveTo(x - 3, r.y);
        g.lineTo(x + 4, r.y);
        g.lineTo(x + 0.5, r.y + 4);
        g.fill();
      }
    }
  }
  outlineEvents(g, m, l, vp, width, st.highlight, c.highlight, 2);
  if (st.hover !== null) outlineEvents(g, m, l, vp, width, new Set([st.hover]), c.textSoft, 1);
  if (st.selected !== null) outlineEvents(g, m, l, vp, width, new Set([st.selected]), c.selection, 2);
  // The cursor: a line through every lane and a handle on the axis.
  const cx = Math.round(vp.x(st.cursor, width)) + 0.5;
  if (cx >= -1 && cx <= width + 1) {
    g.fillStyle = c.cursor;
    g.fillRect(cx - 0.75, AXIS_H - 2, 1.5, l.height - AXIS_H + 2);
    g.beginPath();
    g.moveTo(cx - 6, 2);
    g.lineTo(cx + 6, 2);
    g.lineTo(cx + 6, AXIS_H - 9);
    g.lineTo(cx, AXIS_H - 2);
    g.lineTo(cx - 6, AXIS_H - 9);
    g.closePath();
    g.fill();
  }
}

/** Boxes around events wherever they are drawn (a syscall in its thread's strip, a slice on its CPU...). */
function outlineEvents(g: CanvasRenderingContext2D, m: TraceModel, l: Layout, vp: Viewport, width: number, events: ReadonlySet<number>, color: string, lw: number): void {
  if (events.size === 0) return;
  g.strokeStyle = color;
  g.lineWidth = lw;
  for (const r of l.rows) {
    for (const { role, track } of r.lane.tracks) {
      const box = trackBox(r, role);
      for (let i = firstVisible(track, vp.t0); i < track.n && track.start[i]! <= vp.t1; i++) {
        if (!events.has(track.ev[i]!)) continue;
        const x0 = Math.max(-2, vp.x(track.start[i]!, width));
        const x1 = Math.min(width + 2, Math.max(x0 + 3, vp.x(track.end[i]!, width)));
        g.strokeRect(x0 - lw / 2, box.y - lw / 2, x1 - x0 + lw, box.h + lw);
      }
    }
    for (const mk of r.lane.marks) {
      if (!events.has(mk.ev) || mk.t < vp.t0 || mk.t > vp.t1) continue;
      const x = vp.x(mk.t, width);
      g.strokeRect(x - 3, r.y - 1, 7, r.h + 2);
    }
  }
}
