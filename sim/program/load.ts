// Loading a transpiled program: evaluate its module code with a require() that
// offers only the simulator's public entry, and find its `main` and `world`.

import type { World } from '../world.js';

/** The module name programs import the simulator from. */
export const SIM_MODULE = 'inside-io';

/** new Function() puts two lines of its own before the body. */
export const LOADER_LINE_OFFSET = 2;

/** Values a program's parameters can take (see `params` below). */
export type ParamValue = number | string | boolean;

export interface LoadedProgram {
  main: (sys: never) => unknown;
  /** The program's world, after its parameters were applied (a world may be a function of them). */
  world: World | undefined;
  /**
   * The program's parameters: `export const params = { idle: 100 }`, read by main and by
   * `export function world(p: typeof params): World`. A sweep or the playground changes
   * them before the run; main sees the changed object.
   */
  params: Record<string, ParamValue>;
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

export function loadProgram(js: string, modules: Record<string, unknown>, file = 'program.ts', overrides: Record<string, ParamValue> = {}): LoadedProgram {
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
  const params = applyParams(exp.params, overrides);
  let world: World | undefined;
  try {
    world = typeof exp.world === 'function' ? ((exp.world as (p: unknown) => World)(params) ?? undefined) : (exp.world as World | undefined);
  } catch (err) {
    const e = err as Error;
    throw new ProgramLoadError(`The world function failed: ${e.name}: ${e.message}`);
  }
  return { main: main as LoadedProgram['main'], world, params, setConsole: con.set };
}

/** Set the requested parameters on the program's own `params` object (so main sees them), checking names and types. */
function applyParams(own: unknown, overrides: Record<string, ParamValue>): Record<string, ParamValue> {
  const keys = Object.keys(overrides);
  if (own === undefined && keys.length === 0) return {};
  if (typeof own !== 'object' || own === null) {
    if (keys.length === 0) return {};
    throw new ProgramLoadError(`This program has no parameters (no \`export const params = { ... }\`), so "${keys[0]}" cannot be set.`);
  }
  const params = own as Record<string, ParamValue>;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(params, key)) {
      throw new ProgramLoadError(`This program has no parameter "${key}"; its parameters are: ${Object.keys(params).join(', ') || 'none'}.`);
    }
    const v = overrides[key]!;
    if (typeof v !== typeof params[key]) throw new ProgramLoadError(`Parameter "${key}" must be a ${typeof params[key]}, not ${JSON.stringify(v)}.`);
    params[key] = v;
  }
  return params;
}
