// Running several programs on the same world, as <Compare> and <ScalingChart> do. The
// same code runs at build time in Node and in the browser's worker, so a page's
// pre-rendered numbers and the reader's live ones come from one place.

import * as sim from 'inside-io';
import type { ParamValue, SourceRun, World } from 'inside-io';

export interface ProgramSpec {
  /** File name the program runs under (its lines in stack traces). */
  file: string;
  source: string;
  /** Pre-transpiled JavaScript, when the page has it. */
  js?: string;
}

/**
 * Whose world the programs run on: 'first' (default) gives every program the world of
 * the first one, so that they meet exactly the same machine and clients; 'own' lets
 * each program use its own exported world.
 */
export type WorldChoice = 'first' | 'own';

export interface SetOptions {
  world?: WorldChoice;
  /**
   * Values to set. A key that a program declares in its `params` sets that parameter;
   * otherwise it must name a world field ("cpus", "until", "hz", "costs.contextSwitch"),
   * which is set on the world every program runs on.
   */
  set?: Record<string, ParamValue>;
  progress?: (now: number, events: number) => void;
}

const modules = { [sim.SIM_MODULE]: sim };
const WORLD_FIELDS = new Set(['cpus', 'until', 'hz', 'maxEvents', 'network.latency', 'network.bandwidth']);
const CLIENT_FIELDS = new Set(['count', 'active', 'requests', 'requestSize', 'responseSize', 'think', 'idle', 'start', 'every']);

/**
 * Is `path` a world field a sweep or the playground may set? "cpus", "costs.contextSwitch",
 * "network.latency", "clients.0.count" (a field of the first group of clients)... The sim
 * checks the values themselves when the run starts (sim/world.ts).
 */
export function isWorldField(path: string): boolean {
  if (WORLD_FIELDS.has(path)) return true;
  const cost = /^costs\.(\w+)$/.exec(path);
  if (cost) return cost[1]! in sim.defaultCosts;
  const client = /^clients\.(\d{1,3})\.(\w+)$/.exec(path);
  return !!client && CLIENT_FIELDS.has(client[2]!);
}

/** A copy of a world's plain data, deep enough that setting a field never touches the program's own object. */
function copy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copy) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) as T;
  return v;
}

function jsOf(p: ProgramSpec): string {
  if (p.js !== undefined) return p.js;
  const t = sim.transpile(p.source, p.file);
  if (!t.ok) throw new SetError(`${p.file}: ${t.message} (line ${t.line})`);
  return (p.js = t.code);
}

export class SetError extends Error {}

/** The program's declared parameters and world, with `set` applied where it names a parameter. */
function load(p: ProgramSpec, set: Record<string, ParamValue>) {
  const js = jsOf(p);
  const declared = sim.loadProgram(js, modules, p.file).params;
  const mine: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(set)) if (k in declared) mine[k] = v;
  return { params: mine, world: sim.loadProgram(js, modules, p.file, mine).world };
}

function withFields(world: World | undefined, set: Record<string, ParamValue>, declaredSomewhere: Set<string>): World {
  const w = copy(world ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(set)) {
    if (declaredSomewhere.has(k)) continue;
    if (!isWorldField(k)) throw new SetError(`"${k}" is neither a parameter of these programs nor a world field (cpus, until, hz, maxEvents, costs.<name>, network.<latency|bandwidth>, clients.<n>.<field>).`);
    if (typeof v !== 'number') throw new SetError(`World field "${k}" needs a number, not ${JSON.stringify(v)}.`);
    const path = k.split('.');
    let at: Record<string, unknown> = w;
    for (const key of path.slice(0, -1)) {
      // costs and network may be absent (defaults); a group of clients must exist.
      if (at[key] === undefined && (key === 'costs' || key === 'network')) at[key] = {};
      const next = at[key];
      if (next === null || typeof next !== 'object') throw new SetError(`"${k}": this program's world has no such group of clients.`);
      at = next as Record<string, unknown>;
    }
    at[path.at(-1)!] = v;
  }
  return w as World;
}

/** The program's parameters and world (plain data only), for a form that edits them. */
export function describeProgram(p: ProgramSpec): { params: Record<string, ParamValue>; world: World } {
  const loaded = sim.loadProgram(jsOf(p), modules, p.file);
  return { params: { ...loaded.params }, world: copy(loaded.world ?? {}) };
}

/** Run every program; results in the same order (a failed program gives its error, the others still run). */
export async function runSet(programs: ProgramSpec[], opts: SetOptions = {}): Promise<SourceRun[]> {
  const set = opts.set ?? {};
  const loaded = programs.map((p) => load(p, set));
  const declared = new Set(loaded.flatMap((l) => Object.keys(l.params)));
  const out: SourceRun[] = [];
  for (let i = 0; i < programs.length; i++) {
    const p = programs[i]!;
    // A fresh world object for every run: a world may hold state its run changes.
    const base = opts.world === 'own' ? load(p, set).world : load(programs[0]!, set).world;
    const world = withFields(base, set, declared);
    out.push(
      await sim.runSource(p.source, modules, {
        file: p.file,
        js: jsOf(p),
        params: loaded[i]!.params,
        worldOverride: () => world,
        progress: opts.progress,
      }),
    );
  }
  return out;
}
