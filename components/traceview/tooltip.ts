// The tooltip: what an event is, in a sentence, and its facts (arguments, result or
// errno, bytes, duration, line, who woke whom). Shown on hover and for the event at
// the cursor while the timeline has keyboard focus.

import { details } from './describe';
import type { TraceModel } from './model';

export class Tooltip {
  private el: HTMLElement;
  private hintTimer = 0;

  constructor(host: HTMLElement, private m: TraceModel) {
    this.el = document.createElement('div');
    this.el.className = 'tv-tip';
    this.el.setAttribute('role', 'tooltip');
    this.el.hidden = true;
    host.append(this.el);
  }

  show(ev: number, x: number, y: number, width: number): void {
    const e = this.m.run.events[ev];
    if (!e) return this.hide();
    const d = details(e, this.m);
    const title = document.createElement('p');
    title.className = 'tv-tip-title';
    title.textContent = d.title;
    const dl = document.createElement('dl');
    for (const [k, v] of d.facts) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
    this.el.replaceChildren(title, dl);
    this.el.hidden = false;
    this.el.classList.remove('is-hint');
    this.place(x, y, width);
  }

  /** A short transient message (e.g. how to zoom). */
  hint(text: string, width: number): void {
    this.el.textContent = text;
    this.el.classList.add('is-hint');
    this.el.hidden = false;
    this.place(width / 2, 30, width);
    clearTimeout(this.hintTimer);
    this.hintTimer = window.setTimeout(() => this.hide(), 1400);
  }

  private place(x: number, y: number, width: number): void {
    const w = this.el.offsetWidth;
    const left = Math.max(0, Math.min(width - w, x + 12 + w > width ? x - w - 12 : x + 12));
    this.el.style.left = `${left}px`;
    this.el.style.top = `${y + 14}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
