// Messages between the page and the runner worker.
import type { ParamValue, RunResult, SourceError, SourceRun, Verdict, World } from 'inside-io';
import type { Answer } from '../lab/check-module';
import type { ProgramSpec, WorldChoice } from '../lab/run-set';
import type { SweepSeries, SweepSpec } from '../lab/sweep';

/** A check module to run on the result (exercises and predictions). */
export interface CheckRequest {
  js: string;
  file: string;
  /** Run its `check` export and return the verdict. */
  verdict?: boolean;
  /** Answer functions to evaluate (predictions). */
  answers?: string[];
}

export interface RunRequest {
  type: 'run';
  id: number;
  source: string;
  /** Pre-transpiled JavaScript for unedited examples (no transpiler needed). */
  js?: string;
  file: string;
  /** Values for the program's parameters (the playground's world form). */
  params?: Record<string, ParamValue>;
  check?: CheckRequest;
}

export interface SetRequest {
  type: 'set';
  id: number;
  programs: ProgramSpec[];
  world?: WorldChoice;
  set?: Record<string, ParamValue>;
}

export interface SweepRequest {
  type: 'sweep';
  id: number;
  spec: SweepSpec;
}

/** The program's parameters and world, without running it (the playground's form). */
export interface DescribeRequest {
  type: 'describe';
  id: number;
  program: ProgramSpec;
}

export type RunnerRequest = RunRequest | SetRequest | SweepRequest | DescribeRequest;

export interface CheckOutcome {
  verdict?: Verdict;
  answers?: Record<string, Answer | { error: string }>;
}

export type RunnerMessage =
  | { type: 'progress'; id: number; now: number; events: number }
  | { type: 'sweep-progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; ok: true; result: RunResult; params: Record<string, ParamValue>; check?: CheckOutcome; /** runFingerprint(result) */ hash: string }
  | { type: 'result'; id: number; ok: false; error: SourceError }
  | { type: 'set-result'; id: number; runs: SourceRun[] }
  | { type: 'sweep-result'; id: number; series: SweepSeries[] }
  | { type: 'describe-result'; id: number; params: Record<string, ParamValue>; world: World }
  | { type: 'failed'; id: number; message: string };
