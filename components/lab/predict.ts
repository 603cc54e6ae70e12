// Judging a reader's prediction against what the trace says.

import type { Answer } from './check-module';

export type PredictKind = 'number' | 'choice' | 'text';
export type Grade = 'exact' | 'close' | 'off';

/** How close a guess is: numbers within `tolerance` (relative, default 10 %) are close; text and choices must match. */
export function gradePrediction(guess: string, answer: Answer, kind: PredictKind, tolerance = 0.1): Grade {
  if (kind === 'number') {
    const g = Number(guess.replace(/[\s,_]/g, ''));
    const a = Number(answer.value);
    if (!Number.isFinite(g) || !Number.isFinite(a)) return 'off';
    if (g === a) return 'exact';
    const scale = Math.max(Math.abs(a), 1);
    return Math.abs(g - a) / scale <= tolerance ? 'close' : 'off';
  }
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return norm(guess) === norm(String(answer.value)) ? 'exact' : 'off';
}
