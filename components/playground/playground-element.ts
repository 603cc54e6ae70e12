// <inside-playground>: a program, its world as a form, and its trace. The program comes
// from a share link, else from what the reader last left here, else the default
// template; it is kept in this browser as the reader types.

import type { EditorHandle } from '../editor/editor-handle';
import type { ParamValue } from 'inside-io';
import type { TraceView } from '../traceview/trace-view';
import { WorldForm } from './world-form';
import { INSPECTORS, type InspectorKind } from '../inspect/render';
import { ui, playgroundStrings as P, inspectStrings } from '../strings';

const KEY = 'inside-io:playground';
const FILE = 'playground.ts';

interface Saved {
  source: string;
  set?: Record<string, ParamValue>;
  template?: string;
}

function load(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

class PlaygroundElement extends HTMLElement {
  private editor: EditorHandle | null = null;
  private form!: WorldForm;
  private trace: TraceView | null = null;
  private traceSource = '';
  private template!: { src: string; source: string };
  private inspect: InspectorKind[] = ['runqueue', 'fdtable', 'buffers'];
  private describeTimer = 0;
  private storageWarned = false;

  connectedCallback(): void {
    if (this.form) return;
    const data = JSON.parse(this.querySelector('script.pg-data')!.textContent!) as { default: { src: string; source: string } };
    this.template = data.default;
    this.form = new WorldForm(this.q<HTMLFormElement>('.pg-world'), () => this.save());
    this.status(P.ready);
    void this.start();
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector<T>(sel)!;
  }

  private button(action: string): HTMLButtonElement {
    return this.q<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  private status(text: string): void {
    this.q('.ex-status').textContent = text;
  }

  private async start(): Promise<void> {
    let initial: Saved = load() ?? { source: this.template.source, template: this.template.src };
    const shared = /^#pg=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
    let sharedNote = '';
    if (shared) {
      const { unpackCode } = await import('../example/share');
      try {
        const s = JSON.parse(await unpackCode(shared)) as Partial<Saved>;
        if (typeof s.source !== 'string') throw new Error('no program');
        // Only plain values may come in: a link is a stranger's data.
        const set = Object.fromEntries(Object.entries(s.set ?? {}).filter(([k, v]) => /^[\w.]{1,80}$/.test(k) && ['number', 'string', 'boolean'].includes(typeof v)));
        initial = { source: s.source, set, template: typeof s.template === 'string' ? s.template : undefined };
        sharedNote = P.sharedOpened;
      } catch {
        sharedNote = P.sharedBroken;
      }
    }
    const { wantsPlainEditor } = await import('../example/edit-client');
    const host = this.q('.pg-editor');
    const onChange = () => {
      this.save();
      clearTimeout(this.describeTimer);
      this.describeTimer = window.setTimeout(() => void this.describe(), 700);
    };
    if (wantsPlainEditor()) {
      const { createPlainEditor } = await import('../editor/plain-editor');
      this.editor = createPlainEditor(host, initial.source, onChange);
    } else {
      const { createMonacoEditor } = await import('../editor/monaco-editor');
      host.replaceChildren();
      host.classList.add('is-monaco');
      this.editor = await createMonacoEditor(host, 'playground', initial.source, onChange, { fill: true });
    }
    this.editor.onCursorLine((line) => {
      if (this.trace && this.traceSource === this.editor!.getValue()) this.trace.highlightLine(line);
    });
    const select = this.q<HTMLSelectElement>('.pg-template select');
    if (initial.template) select.value = initial.template;
    select.addEventListener('change', () => void this.pickTemplate(select.value));
    for (const b of ['run', 'share', 'reset']) this.button(b).disabled = false;
    select.disabled = false;
    this.button('run').addEventListener('click', () => void this.run());
    this.button('share').addEventListener('click', () => void this.share());
    this.button('reset').addEventListener('click', () => void this.pickTemplate(select.value));
    this.addInspectorChoice();
    await this.describe(initial.set);
    this.dataset.ready = 'true';
    if (sharedNote) this.status(sharedNote);
  }

  private save(): void {
    if (!this.editor) return;
    const saved: Saved = { source: this.editor.getValue(), set: this.form.changes(), template: this.q<HTMLSelectElement>('.pg-template select').value };
    try {
      localStorage.setItem(KEY, JSON.stringify(saved));
    } catch {
      if (!this.storageWarned) this.status(ui.storageUnavailable);
      this.storageWarned = true;
    }
  }

  /** Read the program's parameters and world (without running it) to draw the form. */
  private async describe(keep?: Record<string, ParamValue>): Promise<void> {
    if (!this.editor) return;
    const { describeInWorker } = await import('../runner/client');
    const d = await describeInWorker({ file: FILE, source: this.editor.getValue() });
    if (!d.ok) return; // The program does not load yet (a syntax error while typing): keep the form as it is.
    this.form.show(d.params, d.world, keep ?? this.form.changes());
  }

  private async pickTemplate(src: string): Promise<void> {
    this.status(P.loadingTemplate);
    const res = await fetch(this.dataset.templatesUrl!);
    const all = (await res.json()) as { src: string; source: string }[];
    const t = all.find((x) => x.src === src);
    if (!t || !this.editor) return;
    this.template = t;
    this.editor.setValue(t.source);
    await this.describe({});
    this.save();
    const option = this.q<HTMLSelectElement>('.pg-template select').selectedOptions[0];
    this.status(P.loadedTemplate(option?.textContent ?? src));
  }

  private addInspectorChoice(): void {
    const box = document.createElement('fieldset');
    box.className = 'pg-inspectors';
    const legend = document.createElement('legend');
    legend.textContent = P.inspectors;
    box.append(legend);
    for (const k of INSPECTORS) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = this.inspect.includes(k);
      input.addEventListener('change', () => {
        this.inspect = INSPECTORS.filter((x) => (x === k ? input.checked : this.inspect.includes(x)));
        this.trace?.setInspect(this.inspect);
      });
      label.append(input, ` ${inspectStrings.titles[k]}`);
      box.append(label);
    }
    this.q('.pg-top').append(box);
  }

  private async run(): Promise<void> {
    const run = this.button('run');
    if (run.disabled || !this.editor) return;
    const source = this.editor.getValue();
    const problems = await this.editor.problems();
    const { showProblemsIn } = await import('../example/problems');
    showProblemsIn(this.q('.ex-problems'), problems, (line) => this.editor?.markLine(line));
    if (problems.length) return;
    run.disabled = true;
    this.setAttribute('aria-busy', 'true');
    this.status(ui.running);
    try {
      const [{ runSetInWorker, WATCHDOG_MS }, { TraceView }, { renderRunSummary }] = await Promise.all([import('../runner/client'), import('../traceview/trace-view'), import('../trace/render-panel')]);
      const out = await runSetInWorker([{ file: FILE, source }], 'own', this.form.changes());
      if (!out.ok) return this.status('timeout' in out ? ui.tooLong(WATCHDOG_MS / 1000) : out.crashed);
      const r = out.runs[0]!;
      if (!r.ok) {
        this.status(r.error.message);
        if (r.error.line) this.editor.markLine(r.error.line);
        return;
      }
      const at = this.trace?.cursorTime;
      this.trace?.destroy();
      this.trace = new TraceView({ run: r.result, file: FILE, inspect: this.inspect, wheel: 'always', at, onLine: (line) => line && this.editor?.markLine(line, true) });
      this.traceSource = source;
      const summary = document.createElement('div');
      summary.className = 'ex-summary';
      summary.innerHTML = renderRunSummary(r.result);
      this.q('.pg-trace').replaceChildren(this.trace.el, summary);
      this.dataset.ranEvents = String(r.result.events.length);
      this.status(P.ran(r.result.events.length.toLocaleString('en-US')));
    } finally {
      run.disabled = false;
      this.removeAttribute('aria-busy');
    }
  }

  private async share(): Promise<void> {
    if (!this.editor) return;
    const { packCode } = await import('../example/share');
    const payload = await packCode(JSON.stringify({ source: this.editor.getValue(), set: this.form.changes(), template: this.q<HTMLSelectElement>('.pg-template select').value }));
    const url = new URL(location.href);
    url.hash = `pg=${payload}`;
    const box = this.q('.ex-share');
    const input = box.querySelector('input')!;
    input.value = url.href;
    box.hidden = false;
    input.select();
    try {
      await navigator.clipboard.writeText(url.href);
      this.status(ui.shareCopied);
    } catch {
      this.status(ui.shareReady);
    }
  }
}

if (!customElements.get('inside-playground')) customElements.define('inside-playground', PlaygroundElement);
