// What is under the pointer: the topmost span (or wakeup tick) within a few pixels.

import { KINDS, firstVisible, type Kind, type TraceModel } from './model';
import { rowAt, trackBox, type Layout } from './layout';
import type { Viewport } from './viewport';

/** Index into run.events of the event under (x, y), or null. */
export function hitTest(m: TraceModel, l: Layout, vp: Viewport, width: number, x: number, y: number, hidden: ReadonlySet<Kind>, slop = 3): number | null {
  const row = rowAt(l, y);
  if (!row) return null;
  const t = vp.time(x, width);
  const tol = (slop / width) * vp.span;
  for (const mk of row.lane.marks) if (Math.abs(mk.t - t) <= tol && !hidden.has('runnable')) return mk.ev;
  // Later tracks are drawn on top: look at them first, in the part of the row the pointer is in.
  for (let k = row.lane.tracks.length - 1; k >= 0; k--) {
    const { role, track } = row.lane.tracks[k]!;
    const box = trackBox(row, role);
    if (y < box.y - 1 || y > box.y + box.h + 1) continue;
    let best: number | null = null;
    let bestLen = Infinity;
    for (let i = firstVisible(track, t - tol); i < track.n && track.start[i]! <= t + tol; i++) {
      if (track.end[i]! < t - tol || hidden.has(KINDS[track.kind[i]!]!)) continue;
      // The narrowest span under the pointer is the most specific.
      const len = track.end[i]! - track.start[i]!;
      if (len < bestLen) {
        bestLen = len;
        best = track.ev[i]!;
      }
    }
    if (best !== null) return best;
  }
  return null;
}
