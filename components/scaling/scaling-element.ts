// <scaling-chart>: runs the sweep again in the reader's browser (optionally over other
// values), showing progress, and redraws the chart.

import type { SweepSpec } from '../lab/sweep';
import type { ChartSpec } from './render-chart';
import { scalingStrings as S, ui } from '../strings';

class ScalingElement extends HTMLElement {
  private data!: { spec: SweepSpec; chart: ChartSpec };

  connectedCallback(): void {
    if (this.data) return;
    this.data = JSON.parse(this.querySelector('script.sc-data')!.textContent!);
    this.querySelector<HTMLElement>('.ex-toolbar')!.hidden = false;
    this.querySelector('[data-action="sweep"]')!.addEventListener('click', () => void this.sweep());
  }

  private status(text: string): void {
    this.querySelector('.ex-status')!.textContent = text;
  }

  private values(): number[] | null {
    const raw = this.querySelector<HTMLInputElement>('.sc-values input')!.value;
    const v = raw.split(/[,\s]+/).filter(Boolean).map((s) => Number(s.replace(/_/g, '')));
    return v.length >= 2 && v.every((x) => Number.isFinite(x)) ? v : null;
  }

  async sweep(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-action="sweep"]')!;
    if (button.disabled) return;
    const values = this.values();
    if (!values) return this.status(S.badValues);
    const bar = this.querySelector('progress')!;
    button.disabled = true;
    this.setAttribute('aria-busy', 'true');
    bar.hidden = false;
    bar.value = 0;
    try {
      const [{ sweepInWorker, WATCHDOG_MS }, { renderChart }] = await Promise.all([import('../runner/client'), import('./render-chart')]);
      const spec = { ...this.data.spec, values };
      const out = await sweepInWorker(spec, (done, total) => {
        bar.max = total;
        bar.value = done;
        this.status(S.sweeping(Math.min(done + 1, total), total));
      });
      if (!out.ok) return this.status('timeout' in out ? ui.tooLong(WATCHDOG_MS / 1000) : out.crashed);
      this.querySelector('.sc-body')!.innerHTML = renderChart(out.series, this.data.chart);
      this.dataset.swept = String(Number(this.dataset.swept ?? 0) + 1);
      this.status(S.swept(values.length * spec.programs.length));
    } finally {
      button.disabled = false;
      bar.hidden = true;
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('scaling-chart')) customElements.define('scaling-chart', ScalingElement);
