// Messages between the page and the runner worker.
import type { RunResult, SourceError } from 'inside-io';

export interface RunRequest {
  type: 'run';
  id: number;
  source: string;
  /** Pre-transpiled JavaScript for unedited examples (no transpiler needed). */
  js?: string;
  file: string;
}

export type RunnerMessage =
  | { type: 'progress'; id: number; now: number; events: number }
  | { type: 'result'; id: number; ok: true; result: RunResult }
  | { type: 'result'; id: number; ok: false; error: SourceError };
