// Running the book's example programs in tests, exactly as the site does.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as sim from '../sim/index.js';
import type { RunResult } from '../sim/index.js';

export const EXAMPLES_DIR = new URL('../content/examples/', import.meta.url).pathname;

/** Every example program, as paths relative to content/examples (e.g. "02-blocking/blocking-read.ts"). */
export function allExamples(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      // Check modules (<name>.check.ts) read runs; they are not programs.
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') && !name.endsWith('.check.ts')) out.push(relative(EXAMPLES_DIR, p));
    }
  };
  walk(EXAMPLES_DIR);
  return out;
}

export function exampleSource(path: string): string {
  return readFileSync(join(EXAMPLES_DIR, path), 'utf8');
}

/** Run an example from content/examples; throws if it cannot even start. */
export async function runExample(path: string, source = exampleSource(path)): Promise<RunResult> {
  const r = await sim.runSource(source, { [sim.SIM_MODULE]: sim }, { file: path.split('/').pop() });
  if (!r.ok) throw new Error(`${path}: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`);
  return r.result;
}

/** System calls that returned (a call still in progress when the run stopped is in the trace, marked unfinished, but not here). */
export function calls(r: RunResult, name?: string) {
  return r.events.filter((e) => e.cat === 'syscall' && (!name || e.name === name) && !e.detail?.unfinished);
}
