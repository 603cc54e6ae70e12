// Build time: read an example program, run it once in Node on the simulated kernel,
// and keep what the page needs: the source, its transpiled JavaScript (so the
// browser can run unedited code without a transpiler) and the result.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as sim from 'inside-io';
import { runFingerprint } from '../trace/hash.js';

export interface BuiltExample {
  id: string;
  src: string;
  file: string;
  source: string;
  js: string;
  result: sim.RunResult;
  hash: string;
}

// Astro builds from the project root; paths relative to this module change once bundled.
const EXAMPLES = resolve(process.cwd(), 'content/examples') + '/';
const cache = new Map<string, Promise<BuiltExample>>();

export function exampleId(src: string): string {
  return src.replace(/\.ts$/, '').replace(/[^a-zA-Z0-9]+/g, '-');
}

export function buildExample(src: string): Promise<BuiltExample> {
  let p = cache.get(src);
  if (!p) cache.set(src, (p = build(src)));
  return p;
}

async function build(src: string): Promise<BuiltExample> {
  const source = readFileSync(EXAMPLES + src, 'utf8');
  const file = src.split('/').pop()!;
  const r = await sim.runSource(source, { [sim.SIM_MODULE]: sim }, { file });
  if (!r.ok) throw new Error(`Example ${src} does not run: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`);
  return { id: exampleId(src), src, file, source, js: r.js, result: r.result, hash: runFingerprint(r.result) };
}
