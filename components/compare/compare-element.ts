// <compare-set>: "Run all" reruns every program in the reader's browser (the worker
// runs them one after another on the same world) and redraws the comparison.

import type { ProgramSpec, WorldChoice } from '../lab/run-set';
import type { ParamValue } from 'inside-io';
import { compareStrings as S, ui } from '../strings';

interface CompareData {
  programs: ProgramSpec[];
  labels: string[];
  world: WorldChoice;
  set?: Record<string, ParamValue>;
  metrics?: string[];
}

class CompareElement extends HTMLElement {
  private data!: CompareData;
  private views: { destroy(): void }[] = [];

  connectedCallback(): void {
    if (this.data) return;
    this.data = JSON.parse(this.querySelector('script.cmp-data')!.textContent!) as CompareData;
    this.querySelector<HTMLElement>('.ex-toolbar')!.hidden = false;
    this.querySelector('[data-action="run-all"]')!.addEventListener('click', () => void this.runAll());
  }

  private status(text: string): void {
    this.querySelector('.ex-status')!.textContent = text;
  }

  async runAll(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-action="run-all"]')!;
    if (button.disabled) return;
    button.disabled = true;
    this.setAttribute('aria-busy', 'true');
    this.status(S.running);
    try {
      const [{ runSetInWorker, WATCHDOG_MS }, { renderMetricsTable, pickMetrics }, { runMetrics }, { TraceView }, { Viewport }] = await Promise.all([
        import('../runner/client'),
        import('./render-compare'),
        import('../lab/metrics'),
        import('../traceview/trace-view'),
        import('../traceview/viewport'),
      ]);
      const out = await runSetInWorker(this.data.programs, this.data.world, this.data.set);
      if (!out.ok) return this.status('timeout' in out ? ui.tooLong(WATCHDOG_MS / 1000) : ui.workerCrashed);
      const failed = out.runs.findIndex((r) => !r.ok);
      if (failed >= 0) {
        const r = out.runs[failed]!;
        return this.status(S.failed(this.data.labels[failed]!, r.ok ? '' : r.error.message));
      }
      const results = out.runs.map((r) => (r.ok ? r.result : null!));
      // Interactive traces on one shared time axis: zooming or panning one moves them all.
      for (const v of this.views) v.destroy();
      const vp = new Viewport();
      vp.setEnd(Math.max(...results.map((r) => r.end)));
      const traces = document.createElement('div');
      traces.className = 'cmp-traces';
      this.views = results.map((run, i) => {
        const section = document.createElement('section');
        section.className = 'cmp-trace';
        // A group, not a landmark: a page has many comparisons with the same labels.
        section.setAttribute('role', 'group');
        section.setAttribute('aria-label', this.data.labels[i]!);
        const h = document.createElement('h4');
        h.className = 'cmp-trace-title';
        h.textContent = this.data.labels[i]!;
        const view = new TraceView({ run, file: this.data.programs[i]!.file, compact: true, viewport: vp, label: this.data.labels[i] });
        section.append(h, view.el);
        traces.append(section);
        return view;
      });
      vp.fit();
      const metrics = results.map(runMetrics);
      const table = document.createElement('div');
      table.innerHTML = renderMetricsTable(this.data.labels, metrics, pickMetrics(metrics, this.data.metrics));
      this.querySelector('.cmp-body')!.replaceChildren(traces, ...table.childNodes);
      this.dataset.ran = String(Number(this.dataset.ran ?? 0) + 1);
      this.status(S.ranAll);
    } finally {
      button.disabled = false;
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('compare-set')) customElements.define('compare-set', CompareElement);
