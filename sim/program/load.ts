// Loading a transpiled program: evaluate its module code with a require() that
// offers only the simulator's public entry, and find its `main` and `world`.

import type { World } from '../world.js';

/** The module name programs import the simulator from. */
export const SIM_MODULE = 'inside-io';

/** new Function() puts two lines of its own before the body. */
export const LOADER_LINE_OFFSET = 2;

export interface LoadedProgram {
  main: (sys: never) => unknown;
  world: World | undefined;
}

export class ProgramLoadError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

export function loadProgram(js: string, modules: Record<string, unknown>, file = 'program.ts'): LoadedProgram {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`Cannot import "${name}": programs can import only from "${SIM_MODULE}".`);
  };
  let fn: (...args: unknown[]) => void;
  try {
    fn = new Function('exports', 'require', 'module', `${js}\n//# sourceURL=${file}`) as typeof fn;
  } catch (err) {
    throw new ProgramLoadError(`Syntax error: ${(err as Error).message}`);
  }
  try {
    fn(module.exports, require, module);
  } catch (err) {
    const e = err as Error;
    const m = e.stack ? new RegExp(`${file.replace(/\./g, '\\.')}:(\\d+)`).exec(e.stack) : null;
    throw new ProgramLoadError(`${e.name}: ${e.message}`, m ? Number(m[1]) - LOADER_LINE_OFFSET : undefined);
  }
  const exp = module.exports;
  const main = exp.main ?? exp.default;
  if (typeof main !== 'function') {
    throw new ProgramLoadError('The program must export its entry point: export async function main(sys: Sys) { ... }');
  }
  return { main: main as LoadedProgram['main'], world: exp.world as World | undefined };
}
