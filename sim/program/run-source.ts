// From a reader's TypeScript source to a run: transpile, load, run. The build, the
// tests, the command line and the browser's worker all go through here, so a program
// behaves the same everywhere.

import { transpile } from './transpile.js';
import { loadProgram, LOADER_LINE_OFFSET, ProgramLoadError, type ParamValue } from './load.js';
import { run, type RunResult } from '../run.js';
import type { World } from '../world.js';

export interface SourceError {
  kind: 'syntax' | 'load' | 'world';
  message: string;
  line?: number;
  column?: number;
}

export type SourceRun =
  | { ok: true; result: RunResult; js: string; /** The program's parameters as they were for this run. */ params: Record<string, ParamValue> }
  | { ok: false; error: SourceError; js?: string };

export interface RunSourceOptions {
  file?: string;
  /** Already-transpiled JavaScript (skips the transpiler, as the browser does for unedited code). */
  js?: string;
  /** Values for the program's exported `params` (used by sweeps and the playground). */
  params?: Record<string, ParamValue>;
  /** Change the program's world before running (used by sweeps and the playground). */
  worldOverride?: (w: World | undefined) => World | undefined;
  /** Heartbeat while the kernel runs. */
  progress?: (now: number, events: number) => void;
}

export async function runSource(source: string, modules: Record<string, unknown>, opts: RunSourceOptions = {}): Promise<SourceRun> {
  const file = opts.file ?? 'program.ts';
  let js = opts.js;
  if (js === undefined) {
    const t = transpile(source, file);
    if (!t.ok) return { ok: false, error: { kind: 'syntax', message: t.message, line: t.line, column: t.column } };
    js = t.code;
  }
  let program;
  try {
    program = loadProgram(js, modules, file, opts.params);
  } catch (err) {
    const e = err as ProgramLoadError;
    return { ok: false, js, error: { kind: 'load', message: e.message, line: e.line } };
  }
  try {
    const world = opts.worldOverride ? opts.worldOverride(program.world) : program.world;
    const result = await run(program.main as never, world, {
      programFile: file,
      lineOffset: LOADER_LINE_OFFSET,
      progress: opts.progress,
      attachConsole: (write) => program.setConsole(write),
    });
    return { ok: true, result, js, params: { ...program.params } };
  } catch (err) {
    return { ok: false, js, error: { kind: 'world', message: (err as Error).message } };
  }
}
