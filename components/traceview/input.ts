// The trace view's hands: mouse, touch, wheel and keyboard, turned into a few actions
// (hover, pick, pan, zoom, move the cursor, step). The view supplies the actions.

import { AXIS_H } from './layout';
import { traceStrings as S } from '../strings';

export interface InputActions {
  width(): number;
  /** The canvas x of the cursor. */
  cursorX(): number;
  hover(x: number, y: number): void;
  leave(): void;
  /** A click or tap (not a drag) at x, y. */
  pick(x: number, y: number): void;
  /** Move the cursor to the time at canvas x (dragging it, or clicking the axis). */
  scrub(x: number): void;
  scrubEnd(): void;
  /** Pan by dx pixels from where the drag started (the view keeps the starting window). */
  panStart(): void;
  panBy(dx: number): void;
  zoomAt(factor: number, x: number): void;
  key(ev: KeyboardEvent): boolean;
  hint(text: string): void;
}

export function attachInput(stage: HTMLElement, a: InputActions, wheelZoom: 'ctrl' | 'always'): () => void {
  const pointers = new Map<number, { x: number; y: number }>();
  let mode: 'none' | 'pending' | 'pan' | 'scrub' | 'pinch' = 'none';
  let downX = 0;
  let downY = 0;
  let pinchDist = 0;
  const local = (ev: PointerEvent | WheelEvent) => {
    const r = stage.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  };

  const down = (ev: PointerEvent) => {
    if (ev.pointerType === 'mouse' && ev.button !== 0) return;
    const p = local(ev);
    pointers.set(ev.pointerId, p);
    stage.setPointerCapture(ev.pointerId);
    if (pointers.size === 2) {
      const [a1, b1] = [...pointers.values()];
      pinchDist = Math.hypot(a1!.x - b1!.x, a1!.y - b1!.y);
      mode = 'pinch';
      return;
    }
    downX = p.x;
    downY = p.y;
    if (p.y < AXIS_H || Math.abs(p.x - a.cursorX()) <= (ev.pointerType === 'touch' ? 12 : 5)) {
      mode = 'scrub';
      a.scrub(p.x);
    } else mode = 'pending';
  };

  const move = (ev: PointerEvent) => {
    const p = local(ev);
    if (!pointers.has(ev.pointerId)) {
      if (ev.pointerType === 'mouse') a.hover(p.x, p.y);
      return;
    }
    pointers.set(ev.pointerId, p);
    if (mode === 'pinch' && pointers.size === 2) {
      const [a1, b1] = [...pointers.values()];
      const d = Math.hypot(a1!.x - b1!.x, a1!.y - b1!.y);
      if (d > 10 && pinchDist > 10) a.zoomAt(pinchDist / d, (a1!.x + b1!.x) / 2);
      pinchDist = d;
      return;
    }
    if (mode === 'scrub') return a.scrub(p.x);
    if (mode === 'pending' && Math.abs(p.x - downX) > 4) {
      mode = 'pan';
      a.panStart();
    }
    if (mode === 'pan') a.panBy(p.x - downX);
  };

  const up = (ev: PointerEvent) => {
    if (!pointers.has(ev.pointerId)) return;
    pointers.delete(ev.pointerId);
    if (mode === 'pending') a.pick(downX, downY);
    if (mode === 'scrub') a.scrubEnd();
    if (pointers.size === 0) mode = 'none';
    else if (mode === 'pinch') mode = 'none';
  };

  const wheel = (ev: WheelEvent) => {
    const p = local(ev);
    const zoom = ev.ctrlKey || ev.metaKey || wheelZoom === 'always';
    if (zoom && Math.abs(ev.deltaY) >= Math.abs(ev.deltaX)) {
      ev.preventDefault();
      // Trackpad pinches arrive as ctrl+wheel with small deltas; mouse wheels with ~100.
      a.zoomAt(Math.exp(ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0025)), p.x);
    } else if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY) || ev.shiftKey) {
      ev.preventDefault();
      a.panStart();
      a.panBy(-(ev.shiftKey ? ev.deltaY : ev.deltaX));
    } else a.hint(S.wheelHint);
  };

  const key = (ev: KeyboardEvent) => {
    if (a.key(ev)) ev.preventDefault();
  };

  stage.addEventListener('pointerdown', down);
  stage.addEventListener('pointermove', move);
  stage.addEventListener('pointerup', up);
  stage.addEventListener('pointercancel', up);
  stage.addEventListener('pointerleave', () => a.leave());
  stage.addEventListener('wheel', wheel, { passive: false });
  stage.addEventListener('keydown', key);
  return () => {
    stage.removeEventListener('pointerdown', down);
    stage.removeEventListener('pointermove', move);
    stage.removeEventListener('pointerup', up);
    stage.removeEventListener('pointercancel', up);
    stage.removeEventListener('wheel', wheel);
    stage.removeEventListener('keydown', key);
  };
}
