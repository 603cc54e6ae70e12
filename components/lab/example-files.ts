// Build time: reading the book's example programs and check modules from
// content/examples, by the paths chapters write ("03-nonblocking/busy-poll.ts").

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileCheckModule } from './check-module';

// Astro builds from the project root; paths relative to this module change once bundled.
export const EXAMPLES_ROOT = resolve(process.cwd(), 'content/examples') + '/';

export function exampleExists(src: string): boolean {
  return existsSync(EXAMPLES_ROOT + src);
}

export function readExample(src: string): string {
  if (!/^[\w.-]+(\/[\w.-]+)*\.ts$/.test(src) || src.includes('..')) throw new Error(`"${src}" is not a path under content/examples (e.g. "02-blocking/blocking-read.ts").`);
  if (!exampleExists(src)) throw new Error(`content/examples/${src} does not exist.`);
  return readFileSync(EXAMPLES_ROOT + src, 'utf8');
}

export function fileName(src: string): string {
  return src.split('/').pop()!;
}

/** The check module that goes with a program: "x/name.ts" → "x/name.check.ts". */
export function defaultCheckPath(src: string): string {
  return src.replace(/(\.solution)?\.ts$/, '.check.ts');
}

export interface BuiltCheck {
  path: string;
  file: string;
  js: string;
  exports: Record<string, unknown>;
}

const checks = new Map<string, BuiltCheck>();

export function buildCheck(path: string): BuiltCheck {
  let c = checks.get(path);
  if (!c) {
    const { js, exports } = compileCheckModule(readExample(path), fileName(path));
    checks.set(path, (c = { path, file: fileName(path), js, exports }));
  }
  return c;
}
