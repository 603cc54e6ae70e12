// The strace-style log beside the timeline, following the cursor: the line at or just
// before the cursor is marked and kept in view. Only the rows on screen exist in the
// DOM, so a 100,000-line log costs what a 20-line one does.

import { straceLine, type TraceEvent } from 'inside-io';
import type { TraceModel } from './model';
import { traceStrings as S } from '../strings';

const ROW = 18;
const SHOWN = 12;

export class LogView {
  readonly el: HTMLElement;
  private scroller: HTMLElement;
  private spacer: HTMLElement;
  private rows: HTMLElement;
  /** Positions in model.sorted of the events that have a log line. */
  private lines: Int32Array;
  private current = -1;
  private raf = 0;

  constructor(private m: TraceModel, private onPick: (pos: number) => void) {
    const lines: number[] = [];
    m.sorted.forEach((e, i) => {
      if (e.cat === 'syscall' || (e.cat === 'note' && straceLine(e) !== null)) lines.push(i);
    });
    this.lines = Int32Array.from(lines);
    // A named group, not a region: several traces may be open on one page, each with its log.
    this.el = document.createElement('div');
    this.el.className = 'tv-log';
    this.el.setAttribute('role', 'group');
    this.el.setAttribute('aria-label', S.logTitle);
    const title = document.createElement('p'); // a title, not a heading: examples sit under headings of any level
    title.className = 'tv-title';
    title.textContent = `${S.logTitle} (${lines.length.toLocaleString('en-US')})`;
    this.scroller = document.createElement('div');
    this.scroller.className = 'tv-log-scroll';
    this.scroller.tabIndex = 0;
    this.scroller.style.height = `${Math.min(SHOWN, Math.max(lines.length, 2)) * ROW + 4}px`;
    this.spacer = document.createElement('div');
    this.spacer.style.height = `${lines.length * ROW}px`;
    this.rows = document.createElement('div');
    this.rows.className = 'tv-log-rows';
    this.spacer.append(this.rows);
    this.scroller.append(this.spacer);
    this.el.append(title, this.scroller);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.scroller.addEventListener('click', (ev) => {
      const row = (ev.target as HTMLElement).closest<HTMLElement>('[data-pos]');
      if (row) this.onPick(Number(row.dataset.pos));
    });
    this.scroller.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
      ev.preventDefault();
      const i = Math.max(0, Math.min(this.lines.length - 1, this.current + (ev.key === 'ArrowDown' ? 1 : -1)));
      const p = this.lines[i];
      if (p !== undefined) this.onPick(p);
    });
    this.render();
  }

  private schedule(): void {
    if (!this.raf) this.raf = requestAnimationFrame(() => ((this.raf = 0), this.render()));
  }

  /** Mark the last line at or before the cursor and scroll it into view. */
  follow(t: number, pos: number): void {
    let lo = 0;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.lines[mid]!;
      const e = this.m.sorted[p]!;
      if (e.t < t || (e.t === t && (pos < 0 || p <= pos))) lo = mid + 1;
      else hi = mid;
    }
    this.current = lo - 1;
    const top = this.current * ROW;
    const view = this.scroller.clientHeight || SHOWN * ROW;
    if (top < this.scroller.scrollTop || top > this.scroller.scrollTop + view - ROW * 2) this.scroller.scrollTop = Math.max(0, top - view / 2);
    this.render();
  }

  private render(): void {
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW) - 4);
    const last = Math.min(this.lines.length, first + SHOWN + 10);
    this.rows.style.transform = `translateY(${first * ROW}px)`;
    const out: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const p = this.lines[i]!;
      const e: TraceEvent = this.m.sorted[p]!;
      const row = document.createElement('div');
      row.className = `tv-log-row${e.errno ? ' is-error' : ''}${i === this.current ? ' is-current' : ''}`;
      row.dataset.pos = String(p);
      if (e.line !== undefined) row.dataset.line = String(e.line);
      row.textContent = straceLine(e) ?? e.name;
      if (i === this.current) row.setAttribute('aria-current', 'true');
      out.push(row);
    }
    this.rows.replaceChildren(...out);
  }
}
