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
  /** Where the program's console.log goes: set it before running. */
  setConsole(write: (text: string, stream: 1 | 2) => void): void;
}

/**
 * The console a program sees: console.log prints into the run's output (at the
 * virtual time it is called), in Node and in the browser alike.
 */
function programConsole(): { console: Record<string, (...args: unknown[]) => void>; set: (w: (text: string, stream: 1 | 2) => void) => void } {
  let write: (text: string, stream: 1 | 2) => void = () => {};
  const fmt = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ') + '\n';
  const out = (...args: unknown[]) => write(fmt(args), 1);
  const err = (...args: unknown[]) => write(fmt(args), 2);
  return { console: { log: out, info: out, debug: out, warn: err, error: err }, set: (w) => (write = w) };
}

function safeJson(v: unknown): string {
  if (v instanceof Uint8Array) return `Uint8Array(${v.length}) [${Array.from(v.subarray(0, 16)).join(', ')}${v.length > 16 ? ', ...' : ''}]`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
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
  const con = programConsole();
  let fn: (...args: unknown[]) => void;
  try {
    fn = new Function('exports', 'require', 'module', 'console', `${js}\n//# sourceURL=${file}`) as typeof fn;
  } catch (err) {
    throw new ProgramLoadError(`Syntax error: ${(err as Error).message}`);
  }
  try {
    fn(module.exports, require, module, con.console);
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
  return { main: main as LoadedProgram['main'], world: exp.world as World | undefined, setConsole: con.set };
}
