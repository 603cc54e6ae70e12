// <live-example>: the small script every chapter page loads. It only wires buttons;
// running (the worker) and editing (the editor) are loaded on first use.

import { ui } from '../strings';
import { editStore } from './storage';
import type { EditorHandle } from '../editor/editor-handle';
import type { InspectorKind } from '../inspect/render';

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
    const stored = editStore.load(this.exampleId);
    if (stored !== null && stored !== this.data.source) this.showEditedSource(stored);
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

  /** The code a Run would run: the editor's, else the kept edit, else the original. */
  currentSource(): string {
    return this.editor?.getValue() ?? editStore.load(this.exampleId) ?? this.data.source;
  }

  isEdited(): boolean {
    return this.currentSource() !== this.data.source;
  }

  /** Called by the editor on every change. */
  keepEdit(source: string): void {
    const edited = source !== this.data.source;
    this.button('reset').hidden = !edited;
    if (!edited) return editStore.clear(this.exampleId);
    if (!editStore.save(this.exampleId, source) && !this.storageWarned) {
      this.storageWarned = true;
      this.setStatus(ui.storageUnavailable);
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

  async run(): Promise<void> {
    const { runExample } = await import('./run-client');
    await runExample(this);
  }

  async edit(): Promise<void> {
    const { openEditor } = await import('./edit-client');
    await openEditor(this);
  }

  reset(): void {
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

  /** Mark a line of the visible code (static view or editor), e.g. where an exception was thrown. */
  markLine(line: number | undefined): void {
    for (const el of this.querySelectorAll('.ex-code .line-mark')) el.classList.remove('line-mark');
    if (!line) return;
    if (this.editor) return this.editor.markLine(line);
    const lines = this.querySelectorAll('.ex-code .line');
    const el = lines[line - 1];
    if (el) {
      el.classList.add('line-mark');
      el.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }
}

if (!customElements.get('live-example')) customElements.define('live-example', LiveExampleElement);
