// The reader's progress (exercises done, predictions made), kept in localStorage so a
// reload never loses it. Storage that is full or disabled is not an error: the page
// works, it just forgets.

const PREFIX = 'inside-io:progress:';

export interface ExerciseProgress {
  kind: 'exercise';
  done: boolean;
}
export interface PredictionProgress {
  kind: 'predict';
  guess: string;
  grade: 'exact' | 'close' | 'off' | 'revealed';
}
export type Progress = ExerciseProgress | PredictionProgress;

export function loadProgress<T extends Progress>(id: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + id);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** False when the browser would not keep it. */
export function saveProgress(id: string, p: Progress): boolean {
  try {
    window.localStorage.setItem(PREFIX + id, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}
