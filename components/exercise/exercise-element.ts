// <exercise-box>: shows the check's verdict after each run of the inner example,
// remembers that the exercise is done, and loads the solution into the editor.

import { loadProgress, saveProgress, type ExerciseProgress } from './progress';
import { exerciseStrings as S } from '../strings';
import type { ExampleRanDetail } from '../example/run-client';
import type { LiveExampleElement } from '../example/live-example-element';

class ExerciseElement extends HTMLElement {
  private wired = false;

  connectedCallback(): void {
    if (this.wired) return;
    this.wired = true;
    if (loadProgress<ExerciseProgress>(this.exerciseId)?.done) this.markDone();
    this.addEventListener('example-ran', (ev) => this.onRan((ev as CustomEvent<ExampleRanDetail>).detail));
    const load = this.querySelector<HTMLButtonElement>('[data-action="load-solution"]');
    if (load) {
      load.hidden = false;
      load.addEventListener('click', () => {
        const { source } = JSON.parse(this.querySelector('script.solution-data')!.textContent!) as { source: string };
        const ex = this.querySelector('live-example') as LiveExampleElement;
        ex.loadSource(source);
        ex.scrollIntoView({ block: 'nearest' });
      });
    }
  }

  get exerciseId(): string {
    return this.dataset.exercise!;
  }

  private onRan(d: ExampleRanDetail): void {
    const box = this.querySelector('.exercise-verdict')!;
    if (!d.verdict) return;
    const p = document.createElement('p');
    p.className = `verdict ${d.verdict.ok ? 'verdict-ok' : 'verdict-no'}`;
    const strong = document.createElement('strong');
    strong.textContent = d.verdict.ok ? S.passed : S.failed;
    p.append(strong, ' ', d.verdict.message);
    box.replaceChildren(p);
    if (d.verdict.ok) {
      this.markDone();
      saveProgress(this.exerciseId, { kind: 'exercise', done: true });
    }
  }

  private markDone(): void {
    this.classList.add('is-done');
    this.querySelector<HTMLElement>('.exercise-done')!.hidden = false;
  }
}

if (!customElements.get('exercise-box')) customElements.define('exercise-box', ExerciseElement);
