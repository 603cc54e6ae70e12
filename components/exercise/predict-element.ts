// <predict-box>: take the reader's prediction, run the program in the worker, read the
// true answer from its trace with the check module, and reveal it with the verdict.
// The prediction and the reveal are remembered across reloads.

import { loadProgress, saveProgress, type PredictionProgress } from './progress';
import { exerciseStrings as S, ui } from '../strings';
import type { PredictKind, Grade } from '../lab/predict';
import type { Answer } from '../lab/check-module';

interface PredictData {
  js: string;
  source: string;
  file: string;
  check: { js: string; file: string };
  answer: string;
  kind: PredictKind;
  tolerance: number;
}

class PredictElement extends HTMLElement {
  private data!: PredictData;

  connectedCallback(): void {
    if (this.data) return;
    this.data = JSON.parse(this.querySelector('script.predict-data')!.textContent!) as PredictData;
    const form = this.querySelector<HTMLFormElement>('.predict-form')!;
    form.hidden = false;
    // With JavaScript the reader predicts first; the static reveal stays for those without it.
    this.querySelector<HTMLElement>('.predict-static')!.hidden = true;
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.predict(false);
    });
    this.querySelector('[data-action="reveal"]')!.addEventListener('click', () => void this.predict(true));
    const saved = loadProgress<PredictionProgress>(this.dataset.predict!);
    if (saved) {
      this.fill(saved.guess);
      void this.predict(saved.grade === 'revealed', true);
    }
  }

  private guess(): string {
    if (this.data.kind === 'choice') return this.querySelector<HTMLInputElement>('.predict-choices input:checked')?.value ?? '';
    return this.querySelector<HTMLInputElement>('input[name="guess"]')!.value.trim();
  }

  private fill(guess: string): void {
    if (this.data.kind === 'choice') {
      for (const r of this.querySelectorAll<HTMLInputElement>('.predict-choices input')) r.checked = r.value === guess;
    } else if (guess) this.querySelector<HTMLInputElement>('input[name="guess"]')!.value = guess;
  }

  private say(...parts: (string | Node)[]): void {
    this.querySelector('.predict-result')!.replaceChildren(...parts);
  }

  async predict(reveal: boolean, restoring = false): Promise<void> {
    const guess = reveal ? '' : this.guess();
    if (!reveal && !guess) return this.say(this.data.kind === 'choice' ? S.chooseFirst : S.enterNumber);
    if (!reveal && this.data.kind === 'number' && !Number.isFinite(Number(guess.replace(/[\s,_]/g, '')))) return this.say(S.enterNumber);
    this.setAttribute('aria-busy', 'true');
    if (!restoring) this.say(S.checking);
    try {
      const [{ runInWorker, WATCHDOG_MS }, { gradePrediction }, { formatCount }] = await Promise.all([import('../runner/client'), import('../lab/predict'), import('../lab/format')]);
      const d = this.data;
      const out = await runInWorker({ source: d.source, js: d.js, file: d.file, check: { ...d.check, answers: [d.answer] } });
      if (!out.ok) return this.say('timeout' in out ? ui.tooLong(WATCHDOG_MS / 1000) : 'crashed' in out ? ui.workerCrashed : out.error.message);
      const got = out.check?.answers?.[d.answer];
      if (!got || 'error' in got) return this.say(got && 'error' in got ? got.error : ui.workerCrashed);
      const answer = got as Answer;
      const grade: Grade | 'revealed' = reveal ? 'revealed' : gradePrediction(guess, answer, d.kind, d.tolerance);
      const shown = typeof answer.value === 'number' ? formatCount(answer.value) : answer.value;
      const head = document.createElement('p');
      head.className = `verdict verdict-${grade === 'exact' ? 'ok' : grade === 'close' ? 'close' : grade === 'off' ? 'no' : 'shown'}`;
      if (grade !== 'revealed') {
        const strong = document.createElement('strong');
        strong.textContent = grade === 'exact' ? S.exact : grade === 'close' ? S.close : S.off;
        head.append(strong, ' ', S.youSaid(guess), ' ');
      }
      head.append(S.answerIs(shown), answer.explain ? ` ${answer.explain}` : '');
      this.say(head);
      this.querySelector<HTMLElement>('.predict-why')!.hidden = false;
      this.dataset.grade = grade;
      if (!restoring) saveProgress(this.dataset.predict!, { kind: 'predict', guess, grade });
    } finally {
      this.removeAttribute('aria-busy');
    }
  }
}

if (!customElements.get('predict-box')) customElements.define('predict-box', PredictElement);
