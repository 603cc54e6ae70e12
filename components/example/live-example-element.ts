// <live-example>: the small script every chapter page loads. It only wires buttons;
// running (the worker) and editing (the editor) are loaded on first use.

import { ui } from '../strings';
import { editStore } from './storage';
import { sharedFor } from './share';
import type { EditorHandle } from '../editor/editor-handle';
import type { InspectorKind } from '../inspect/render';
import type { TraceView } from '../traceview/trace-view';

export interface ExampleData {
  source: string;
  js: string;
  /** Inspectors the chapter asked for, and the moment the pre-rendered ones show. */
  inspect: InspectorKind[];
  at?: number;
  /** An exercise's check module, run on every run. */
  check?: { js: string; file: string };
}

export class LiveExampleElement extends HTMLElement {
  editor: EditorHandle | null = null;
  /** The interactive trace view, once the example has run; and the source it ran. */
  trace: TraceView | null = null;
  traceSource: string | null = null;
  private originalCode = '';
  private storageWarned = false;
  data!: ExampleData;

  connectedCallback(): void {
    if (this.data) return;
    this.data = JSON.parse(this.querySelector('script.ex-data')!.textContent!) as ExampleData;
    this.originalCode = this.q('.ex-code').innerHTML;
    this.q('.ex-toolbar').hidden = false;
    this.button('run').addEventListener('click', () => void this.run());
    const edit = this.button('edit');
    edit.addEventListener('click', () => void this.edit());
    // Start fetching the editor as soon as the reader shows interest.
    const warm = () => void import('./edit-client');
    edit.addEventListener('pointerenter', warm, { once: true });
    edit.addEventListener('focus', warm, { once: true });
    this.button('reset').addEventListener('click', () => this.reset());
    this.wireStaticTimeline();
    // Click a line of code: its system calls light up in the trace view.
    this.q('.ex-code').addEventListener('click', (ev) => {
      const line = (ev.target as HTMLElement).closest('.line');
      if (!line) return;
      this.linkLine([...this.querySelectorAll('.ex-code .line')].indexOf(line) + 1);
    });
    const stored = editStore.load(this.exampleId);
    if (stored !== null && stored !== this.data.source) this.showEditedSource(stored);
    this.button('share').addEventListener('click', () => void this.share());
    const shared = sharedFor(this.exampleId);
    if (shared !== null) void this.openShared(shared);
  }

  /**
   * The pre-rendered timeline invites exploring: a click runs the program (the same
   * trace, the simulator is deterministic) and opens the interactive view. It is a
   * shortcut for the pointer only: keyboard and screen-reader users have the Run button,
   * which does the same, and the timeline keeps its lanes' own labels (a role of button
   * would hide them behind one name).
   */
  private wireStaticTimeline(): void {
    const tl = this.querySelector<HTMLElement>('.ex-trace .timeline');
    if (!tl) return;
    tl.classList.add('is-explorable');
    tl.title = ui.explore;
    tl.dataset.hint = ui.exploreHint;
    tl.addEventListener('click', () => void this.run({ focusTrace: true }));
    tl.addEventListener('pointerenter', () => void import('./run-client'), { once: true });
  }

  /** Highlight a line's system calls in the trace view (if the trace is of the code shown). */
  linkLine(line: number): void {
    if (!this.trace || line < 1) return;
    if (this.traceSource !== this.currentSource()) return this.setStatus(ui.staleLines);
    const n = this.trace.highlightLine(line);
    this.markLine(line, 'trace');
    this.setStatus(ui.linkedLine(line, n));
  }

  get exampleId(): string {
    return this.dataset.id!;
  }

  q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector<T>(sel)!;
  }

  button(action: string): HTMLButtonElement {
    return this.q<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  setStatus(text: string): void {
    this.q('.ex-status').textContent = text;
  }

  /** The last edit, also in memory: storage may refuse to keep it. */
  private editedSource: string | null = null;

  /** The code a Run would run: the editor's, else the edit, else the kept edit, else the original. */
  currentSource(): string {
    return this.editor?.getValue() ?? this.editedSource ?? editStore.load(this.exampleId) ?? this.data.source;
  }

  isEdited(): boolean {
    return this.currentSource() !== this.data.source;
  }

  /** Called by the editor on every change. */
  keepEdit(source: string): void {
    this.editedSource = source;
    const edited = source !== this.data.source;
    this.button('reset').hidden = !edited;
    if (!edited) return editStore.clear(this.exampleId);
    if (!editStore.save(this.exampleId, source) && !this.storageWarned) {
      this.storageWarned = true;
      this.setStatus(ui.storageUnavailable);
    }
  }

  /** Make a link that carries the current program; copy it if the browser lets us, and show it. */
  async share(): Promise<void> {
    const { shareLink } = await import('./share');
    const link = await shareLink(this.exampleId, this.currentSource());
    const box = this.q('.ex-share');
    const input = box.querySelector('input')!;
    input.value = link;
    box.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(link);
      this.setStatus(ui.shareCopied);
    } catch {
      this.setStatus(ui.shareReady);
    }
  }

  /** A shared link's program replaces the code shown (as text), and is kept like an edit. It is not run. */
  private async openShared(payload: string): Promise<void> {
    const { unpackCode } = await import('./share');
    try {
      const source = await unpackCode(payload);
      this.loadSource(source);
      this.setStatus(ui.sharedOpened);
      this.dataset.shared = 'opened';
      this.scrollIntoView({ block: 'start' });
    } catch {
      this.setStatus(ui.sharedBroken);
      this.dataset.shared = 'broken';
    }
  }

  /** Replace the program (an exercise's solution): in the editor if it is open, else as a kept edit. */
  loadSource(source: string): void {
    if (this.editor) this.editor.setValue(source);
    else this.showEditedSource(source);
    this.keepEdit(source);
    if (source !== this.data.source) this.setStatus(ui.edited);
  }

  private showEditedSource(source: string): void {
    const pre = document.createElement('pre');
    pre.className = 'plain-code';
    pre.textContent = source;
    const code = this.q('.ex-code');
    code.replaceChildren(pre);
    this.button('reset').hidden = false;
    this.setStatus(ui.edited);
  }

  async run(opts: { focusTrace?: boolean } = {}): Promise<void> {
    const { runExample } = await import('./run-client');
    await runExample(this, opts);
  }

  async edit(): Promise<void> {
    const { openEditor } = await import('./edit-client');
    await openEditor(this);
  }

  reset(): void {
    this.editedSource = null;
    editStore.clear(this.exampleId);
    this.editor?.dispose();
    this.editor = null;
    this.q('.ex-editor').hidden = true;
    this.q('.ex-editor').replaceChildren();
    const code = this.q('.ex-code');
    code.innerHTML = this.originalCode;
    code.hidden = false;
    this.q('.ex-problems').hidden = true;
    this.button('reset').hidden = true;
    this.button('edit').hidden = false;
    this.setStatus(ui.preRendered);
  }

  /**
   * Mark a line of the visible code (static view or editor), e.g. where an exception was
   * thrown. From the trace view ('trace') the code scrolls inside its own box only: the
   * page must not jump while the reader steps through events.
   */
  markLine(line: number | undefined, from: 'run' | 'trace' = 'run'): void {
    for (const el of this.querySelectorAll('.ex-code .line-mark')) el.classList.remove('line-mark');
    if (!line) return this.editor?.markLine(0);
    if (this.editor) return this.editor.markLine(line, from === 'trace');
    const lines = this.querySelectorAll<HTMLElement>('.ex-code .line');
    const el = lines[line - 1];
    if (!el) return;
    el.classList.add('line-mark');
    const box = el.closest<HTMLElement>('.astro-code, .plain-code');
    if (from === 'trace' && box) {
      const top = el.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - el.offsetHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 2);
    } else {
      el.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }
}

if (!customElements.get('live-example')) customElements.define('live-example', LiveExampleElement);
