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
      const [{ runSetInWorker, WATCHDOG_MS }, { renderComparison }] = await Promise.all([import('../runner/client'), import('./render-compare')]);
      const out = await runSetInWorker(this.data.programs, this.data.world, this.data.set);
      if (!out.ok) return this.status('timeout' in out ? ui.tooLong(WATCHDOG_MS / 1000) : ui.workerCrashed);
      const failed = out.runs.findIndex((r) => !r.ok);
      if (failed >= 0) {
        const r = out.runs[failed]!;
        return this.status(S.failed(this.data.labels[failed]!, r.ok ? '' : r.error.message));
      }
      const results = out.runs.map((r) => (r.ok ? r.result : null!));
      this.querySelector('.cmp-body')!.innerHTML = renderComparison(this.data.labels, results, this.data.metrics);
      this.dataset.ran = String(Number(this.dataset.ran ?? 0) + 1);
      this.status(S.ranAll);
    } finally {
      button.disabled = false;
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('compare-set')) customElements.define('compare-set', CompareElement);
