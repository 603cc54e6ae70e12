// TraceView: the interactive timeline of a run. Lanes per CPU, thread and device on a
// canvas; zoom, pan, a time cursor that steps event by event (backward too) or is
// dragged; tooltips; and, following the cursor, the narration, the inspectors, the
// counters and the log. Mounted over the static timeline when a reader runs or
// explores an example; every other part of the page stays as it was.

import { formatDuration, type RunResult } from 'inside-io';
import { buildModel, type Kind, type TraceModel } from './model';
import { layout, type Layout } from './layout';
import { Viewport } from './viewport';
import { drawTrace } from './draw';
import { hitTest } from './hit';
import { Stepper, type Cursor } from './stepper';
import { attachInput } from './input';
import { narrate } from './describe';
import { LogView } from './log-view';
import { filterMenu, categoriesOn, kindsHidden, type FilterState } from './filters';
import { downloadMenu } from './downloads';
import { Tooltip } from './tooltip';
import { legend } from './legend';
import { renderPanels } from './panels';
import type { InspectorKind } from '../inspect/render';
import { traceStrings as S } from '../strings';

export interface TraceViewOptions {
  run: RunResult;
  /** Base name for downloaded files. */
  file: string;
  inspect?: InspectorKind[];
  /** Where the cursor starts (default: the first event). */
  at?: number;
  /** The reader picked a system call (its line) or cleared the choice (null). */
  onLine?: (line: number | null) => void;
  /** Share a viewport with other views (a comparison's stacked traces). */
  viewport?: Viewport;
  /** Zoom with the plain wheel ('always', for full-page views) or only with Ctrl/pinch. */
  wheel?: 'ctrl' | 'always';
  /** Only the timeline (no log, counters or inspectors). */
  compact?: boolean;
  label?: string;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = (): 'light' | 'dark' => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

export class TraceView {
  readonly el: HTMLElement;
  readonly model: TraceModel;
  readonly vp: Viewport;
  private stage: HTMLElement;
  private canvas: HTMLCanvasElement;
  private labels: HTMLElement;
  private narration: HTMLElement;
  private timeOut: HTMLOutputElement;
  private panels: HTMLElement | null = null;
  private log: LogView | null = null;
  private tip: Tooltip;
  private legendEl: HTMLElement;
  private stepper: Stepper;
  private filters: FilterState = { off: new Set(), hiddenTids: new Set() };
  private hidden: Set<Kind> = new Set();
  private lay!: Layout;
  private width = 600;
  private cursor: Cursor = { t: 0, pos: -1 };
  private hover: number | null = null;
  private highlight = new Set<number>();
  private raf = 0;
  private panelsDue = 0;
  private panOrigin = 0;
  private cleanup: (() => void)[] = [];

  private drawn = false;
  private readonly mark = `tv-${Math.random().toString(36).slice(2)}`;

  constructor(private opts: TraceViewOptions) {
    // Timed for `npm run bench`: from here to the first frame painted ("tv-first-draw").
    performance.mark(this.mark);
    this.model = buildModel(opts.run);
    this.vp = opts.viewport ?? new Viewport();
    this.vp.setEnd(Math.max(this.vp.end, this.model.end));
    this.stepper = new Stepper(this.model);
    this.stepper.setFilter(categoriesOn(this.filters), this.filters.hiddenTids);

    this.el = document.createElement('div');
    this.el.className = `tv${opts.compact ? ' tv-compact' : ''}`;
    this.el.dataset.events = String(opts.run.events.length);
    const bar = this.toolbar();
    const main = document.createElement('div');
    main.className = 'tv-main';
    this.labels = document.createElement('div');
    this.labels.className = 'tv-labels';
    this.labels.setAttribute('aria-hidden', 'true');
    this.stage = document.createElement('div');
    this.stage.className = 'tv-stage';
    this.stage.tabIndex = 0;
    this.stage.setAttribute('role', 'application');
    this.stage.setAttribute('aria-roledescription', S.label);
    this.stage.setAttribute('aria-label', opts.label ? `${S.label}: ${opts.label}` : S.label);
    const help = document.createElement('p');
    help.className = 'tv-help';
    help.id = `tv-help-${Math.random().toString(36).slice(2)}`;
    help.textContent = S.help;
    this.stage.setAttribute('aria-describedby', help.id);
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.tip = new Tooltip(this.stage, this.model);
    this.stage.append(this.canvas);
    main.append(this.labels, this.stage);
    this.narration = document.createElement('p');
    this.narration.className = 'tv-narration';
    this.narration.setAttribute('aria-live', 'polite');
    this.narration.setAttribute('aria-atomic', 'true');
    this.legendEl = document.createElement('div');
    this.legendEl.className = 'tv-legend';
    this.el.append(bar);
    if (opts.run.stop.reason === 'cap') {
      const cap = document.createElement('p');
      cap.className = 'tv-cap';
      cap.setAttribute('role', 'note');
      cap.textContent = S.capped(opts.run.events.length.toLocaleString('en-US'));
      this.el.append(cap);
    }
    this.el.append(main, this.legendEl, this.narration, help);
    this.timeOut = bar.querySelector('output')!;
    if (!opts.compact) {
      this.panels = document.createElement('div');
      this.panels.className = 'tv-panels';
      this.log = new LogView(this.model, (pos) => this.moveTo({ t: this.model.sorted[pos]!.t, pos }, true));
      this.el.append(this.panels, this.log.el);
    }
    this.relayout();
    this.cleanup.push(attachInput(this.stage, this.actions(), opts.wheel ?? 'ctrl'));
    // The window in the DOM, for tests and for anyone reading it.
    const sync = () => {
      this.el.dataset.t0 = String(Math.round(this.vp.t0));
      this.el.dataset.t1 = String(Math.round(this.vp.t1));
    };
    this.cleanup.push(
      this.vp.onChange(() => {
        sync();
        this.draw();
      }),
    );
    const ro = new ResizeObserver(() => this.resize());
    ro.observe(this.stage);
    this.cleanup.push(() => ro.disconnect());
    const mo = new MutationObserver(() => this.retheme());
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanup.push(() => mo.disconnect());
    this.stage.addEventListener('focus', () => this.showTipAtCursor());
    this.stage.addEventListener('blur', () => this.tip.hide());
    if (!opts.viewport || this.vp.t1 - this.vp.t0 <= 1) this.vp.fit();
    sync();
    this.retheme();
    // A chapter's chosen moment exactly (the inspectors then match the pre-rendered ones), else the first event.
    const start = opts.at !== undefined ? { t: opts.at, pos: -1 } : this.stepper.first();
    this.moveTo(start ?? { t: 0, pos: -1 }, false, true);
  }

  destroy(): void {
    for (const f of this.cleanup) f();
    cancelAnimationFrame(this.raf);
    this.el.remove();
  }

  focus(): void {
    this.stage.focus();
  }

  get cursorTime(): number {
    return this.cursor.t;
  }

  /** Show other inspectors (the playground's choice). */
  setInspect(kinds: InspectorKind[]): void {
    this.opts.inspect = kinds;
    this.schedulePanels();
  }

  /** Outline every system call made by `line` and move the cursor to the next one; returns how many. */
  highlightLine(line: number | null): number {
    const evs = line === null ? [] : (this.model.byLine.get(line) ?? []);
    this.highlight = new Set(evs);
    const order = evs.map((i) => this.model.order[i]!).sort((a, b) => a - b);
    const next = order.find((p) => p > this.cursor.pos) ?? order[0];
    if (next !== undefined) this.moveTo({ t: this.model.sorted[next]!.t, pos: next }, true);
    else this.draw();
    return evs.length;
  }

  private toolbar(): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'tv-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', S.label);
    const button = (text: string, label: string, action: string, fn: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn tv-btn';
      b.textContent = text;
      b.title = label;
      b.setAttribute('aria-label', label);
      b.dataset.tv = action;
      b.addEventListener('click', fn);
      bar.append(b);
    };
    button('−', S.zoomOut, 'zoom-out', () => this.animateZoom(2));
    button('+', S.zoomIn, 'zoom-in', () => this.animateZoom(0.5));
    button('⤢', S.fit, 'fit', () => this.animateTo(0, this.vp.end * 1.02));
    button('◀', S.prev, 'prev', () => this.step(-1));
    button('▶', S.next, 'next', () => this.step(1));
    const out = document.createElement('output');
    out.className = 'tv-time';
    bar.append(out);
    const spacer = document.createElement('span');
    spacer.className = 'tv-spacer';
    bar.append(spacer, filterMenu(this.model, this.filters, () => this.refilter()));
    if (!this.opts.compact) bar.append(downloadMenu(this.opts.run, this.opts.file.replace(/\.ts$/, '')));
    return bar;
  }

  private refilter(): void {
    this.hidden = kindsHidden(this.filters);
    this.stepper.setFilter(categoriesOn(this.filters), this.filters.hiddenTids);
    this.relayout();
    this.retheme();
  }

  private relayout(): void {
    const lanes = this.model.lanes.filter((l) => l.tid === undefined || !this.filters.hiddenTids.has(l.tid));
    this.lay = layout(lanes);
    this.stage.style.height = `${this.lay.height}px`;
    this.labels.style.height = `${this.lay.height}px`;
    const out: HTMLElement[] = [];
    for (const g of this.lay.groups) {
      const d = document.createElement('div');
      d.className = 'tv-group';
      d.style.top = `${g.y}px`;
      d.textContent = S.groups[g.group] ?? g.group;
      out.push(d);
    }
    for (const r of this.lay.rows) {
      const d = document.createElement('div');
      d.className = 'tv-label';
      d.style.top = `${r.y}px`;
      d.style.height = `${r.h}px`;
      d.textContent = r.lane.label;
      d.title = r.lane.label;
      out.push(d);
    }
    this.labels.replaceChildren(...out);
    this.resize();
  }

  private resize(): void {
    const w = Math.max(100, Math.floor(this.stage.clientWidth || 600));
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.width = w;
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${this.lay.height}px`;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(this.lay.height * dpr);
    this.draw();
  }

  private retheme(): void {
    this.legendEl.replaceChildren(legend(this.model, theme(), this.hidden));
    this.draw();
  }

  /** Redraw on the next frame (many changes in one frame draw once). */
  draw(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      const g = this.canvas.getContext('2d');
      if (!g) return;
      const dpr = this.canvas.width / this.width;
      const selected = this.cursor.pos >= 0 ? this.model.sorted[this.cursor.pos]!.seq : null;
      drawTrace(g, this.model, this.lay, this.vp, this.width, dpr, { theme: theme(), hidden: this.hidden, cursor: this.cursor.t, selected, hover: this.hover, highlight: this.highlight });
      if (!this.drawn) {
        this.drawn = true;
        performance.measure('tv-first-draw', { start: this.mark, detail: { events: this.model.run.events.length } });
      }
    });
  }

  /** Move the cursor; `reveal` pans to show it, `quiet` skips the narration (first draw). */
  private moveTo(c: Cursor, reveal: boolean, quiet = false): void {
    this.cursor = { t: Math.max(0, Math.min(c.t, this.model.end)), pos: c.pos };
    if (reveal) this.vp.reveal(this.cursor.t);
    this.timeOut.value = S.cursorAt(formatDuration(Math.round(this.cursor.t)));
    this.el.dataset.cursor = String(Math.round(this.cursor.t));
    this.el.dataset.pos = String(c.pos);
    if (c.pos >= 0) {
      const e = this.model.sorted[c.pos]!;
      this.el.dataset.seq = String(e.seq);
      if (!quiet) this.narration.textContent = narrate(e, this.model);
      if (e.cat === 'syscall' && e.line !== undefined && !quiet) this.opts.onLine?.(e.line);
      if (document.activeElement === this.stage) this.showTipAtCursor();
    } else {
      delete this.el.dataset.seq;
      if (!quiet) this.narration.textContent = S.cursorAt(formatDuration(Math.round(this.cursor.t)));
    }
    this.log?.follow(this.cursor.t, c.pos);
    this.schedulePanels();
    this.draw();
  }

  /**
   * Inspectors and counters cost a pass over the trace: at most one per frame, and after
   * the timeline has painted (a task of its own), so the picture never waits for them.
   */
  private schedulePanels(): void {
    if (!this.panels || this.panelsDue) return;
    this.panelsDue = requestAnimationFrame(() =>
      setTimeout(() => {
        this.panelsDue = 0;
        this.panels!.innerHTML = renderPanels(this.model, this.opts.inspect ?? [], this.cursor.t);
      }, 0),
    );
  }

  step(dir: 1 | -1): void {
    const c = dir > 0 ? this.stepper.next(this.cursor) : this.stepper.prev(this.cursor);
    if (c) this.moveTo(c, true);
  }

  private showTipAtCursor(): void {
    if (this.cursor.pos < 0) return this.tip.hide();
    const e = this.model.sorted[this.cursor.pos]!;
    const row = this.lay.rows.find((r) => r.lane.tid === e.tid || r.lane.cpu === e.cpu) ?? this.lay.rows[0];
    this.tip.show(e.seq, this.vp.x(this.cursor.t, this.width), (row?.y ?? 0) + (row?.h ?? 0), this.width);
  }

  private animateZoom(factor: number): void {
    const at = this.cursor.t >= this.vp.t0 && this.cursor.t <= this.vp.t1 ? this.cursor.t : (this.vp.t0 + this.vp.t1) / 2;
    this.animateTo(at - (at - this.vp.t0) * factor, at + (this.vp.t1 - at) * factor);
  }

  /** Buttons glide to the new window, unless the reader asked for reduced motion. */
  private animateTo(t0: number, t1: number): void {
    if (reducedMotion()) return this.vp.set(t0, t1);
    const a0 = this.vp.t0;
    const a1 = this.vp.t1;
    const start = performance.now();
    const tick = (now: number) => {
      const k = Math.min(1, (now - start) / 160);
      const e = 1 - (1 - k) ** 3;
      this.vp.set(a0 + (t0 - a0) * e, a1 + (t1 - a1) * e);
      if (k < 1) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  private actions() {
    return {
      width: () => this.width,
      cursorX: () => this.vp.x(this.cursor.t, this.width),
      hover: (x: number, y: number) => {
        const h = hitTest(this.model, this.lay, this.vp, this.width, x, y, this.hidden);
        if (h !== this.hover) {
          this.hover = h;
          this.draw();
        }
        if (h === null) this.tip.hide();
        else this.tip.show(h, x, y, this.width);
      },
      leave: () => {
        this.hover = null;
        this.tip.hide();
        this.draw();
      },
      pick: (x: number, y: number) => {
        const h = hitTest(this.model, this.lay, this.vp, this.width, x, y, this.hidden, 6);
        this.stage.focus({ preventScroll: true });
        if (h === null) return this.moveTo({ t: this.vp.time(x, this.width), pos: -1 }, false);
        const e = this.model.run.events[h]!;
        this.moveTo({ t: e.t, pos: this.model.order[h]! }, false);
      },
      scrub: (x: number) => this.moveTo({ t: this.vp.time(Math.max(0, Math.min(this.width, x)), this.width), pos: -1 }, false),
      scrubEnd: () => this.stage.focus({ preventScroll: true }),
      panStart: () => (this.panOrigin = this.vp.t0),
      panBy: (dx: number) => {
        const span = this.vp.span;
        this.vp.set(this.panOrigin - (dx / this.width) * span, this.panOrigin - (dx / this.width) * span + span);
      },
      zoomAt: (factor: number, x: number) => this.vp.zoom(factor, this.vp.time(x, this.width)),
      key: (ev: KeyboardEvent) => this.key(ev),
      hint: (text: string) => this.tip.hint(text, this.width),
    };
  }

  private key(ev: KeyboardEvent): boolean {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return false;
    const pan = this.vp.span * 0.15;
    switch (ev.key) {
      case 'ArrowRight':
        if (ev.shiftKey) this.vp.pan(pan);
        else this.step(1);
        return true;
      case 'ArrowLeft':
        if (ev.shiftKey) this.vp.pan(-pan);
        else this.step(-1);
        return true;
      case 'Home': {
        const c = this.stepper.first();
        if (c) this.moveTo(c, true);
        return true;
      }
      case 'End': {
        const c = this.stepper.last();
        if (c) this.moveTo(c, true);
        return true;
      }
      case '+':
      case '=':
        this.animateZoom(0.5);
        return true;
      case '-':
      case '_':
        this.animateZoom(2);
        return true;
      case '0':
      case 'f':
        this.animateTo(0, this.vp.end * 1.02);
        return true;
      case 'Enter':
      case ' ': {
        const e = this.cursor.pos >= 0 ? this.model.sorted[this.cursor.pos] : undefined;
        if (e?.line !== undefined) {
          this.opts.onLine?.(e.line);
          this.highlight = new Set(this.model.byLine.get(e.line) ?? []);
          this.draw();
        }
        return true;
      }
      case 'Escape':
        if (this.highlight.size === 0) return false;
        this.highlight = new Set();
        this.opts.onLine?.(null);
        this.draw();
        return true;
    }
    return false;
  }
}
