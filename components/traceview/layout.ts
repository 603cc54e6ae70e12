// Where each lane sits on the canvas: an axis strip on top, then lanes grouped as
// CPUs, threads and devices. The label column (HTML) uses the same numbers.

import type { LaneModel } from './model';

export const AXIS_H = 24;
export const GROUP_H = 18;
const LANE_H = { cpu: 20, thread: 30, device: 18 } as const;
const GAP = 3;
/** Inside a thread lane: the system-call strip, the state band, the copy marks. */
export const THREAD_STRIP = 11;
export const THREAD_UNDER = 3;

export interface Row {
  lane: LaneModel;
  y: number;
  h: number;
}
export interface GroupRow {
  group: LaneModel['group'];
  y: number;
}
export interface Layout {
  rows: Row[];
  groups: GroupRow[];
  height: number;
}

export function layout(lanes: LaneModel[]): Layout {
  const rows: Row[] = [];
  const groups: GroupRow[] = [];
  let y = AXIS_H + 4;
  let group: LaneModel['group'] | null = null;
  for (const lane of lanes) {
    if (lane.group !== group) {
      group = lane.group;
      groups.push({ group, y });
      y += GROUP_H;
    }
    const h = LANE_H[lane.group];
    rows.push({ lane, y, h });
    y += h + GAP;
  }
  return { rows, groups, height: y + 4 };
}

/** The vertical extent of a track inside its row. */
export function trackBox(row: Row, role: 'band' | 'strip' | 'under'): { y: number; h: number } {
  if (row.lane.group !== 'thread') return { y: row.y, h: row.h };
  if (role === 'strip') return { y: row.y, h: THREAD_STRIP };
  if (role === 'under') return { y: row.y + row.h - THREAD_UNDER, h: THREAD_UNDER };
  return { y: row.y + THREAD_STRIP + 1, h: row.h - THREAD_STRIP - 1 - THREAD_UNDER };
}

export function rowAt(l: Layout, y: number): Row | null {
  for (const r of l.rows) if (y >= r.y && y < r.y + r.h) return r;
  return null;
}
