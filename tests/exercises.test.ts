// Every exercise check (content/examples/**/<name>.check.ts): the starting program does
// not pass it, the solution does, and the check gives the same verdict when loaded the
// way the browser loads it (transpiled, evaluated with only "inside-io" available).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXAMPLES_DIR, exampleSource, runExample } from './examples.js';
import { compileCheckModule, runCheck } from '../components/lab/check-module.js';
import type { RunResult, Verdict } from 'inside-io';

function checkModules(dir = EXAMPLES_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return checkModules(p);
    return name.endsWith('.check.ts') ? [relative(EXAMPLES_DIR, p)] : [];
  });
}

describe('exercise checks', () => {
  for (const path of checkModules()) {
    const start = path.replace(/\.check\.ts$/, '.ts');
    const solution = path.replace(/\.check\.ts$/, '.solution.ts');
    it(`${path}: the starting program fails, the solution passes, in Node and as the browser loads it`, async () => {
      const direct = (await import(join(EXAMPLES_DIR, path))) as Record<string, unknown>;
      const browser = compileCheckModule(exampleSource(path), path.split('/').pop()!).exports;
      const judge = (r: RunResult, source: string): Verdict => {
        const a = runCheck(direct, r, source);
        const b = runCheck(browser, r, source);
        expect(b).toEqual(a);
        return a;
      };
      if (typeof direct.check !== 'function') return; // a module of prediction answers only
      expect(existsSync(join(EXAMPLES_DIR, start)), `${start} (the starting program) is missing`).toBe(true);
      const s = judge(await runExample(start), exampleSource(start));
      expect(s.ok, `the starting program should fail: ${s.message}`).toBe(false);
      expect(s.message.length).toBeGreaterThan(10);
      if (existsSync(join(EXAMPLES_DIR, solution))) {
        const v = judge(await runExample(solution), exampleSource(solution));
        expect(v.ok, `the solution should pass: ${v.message}`).toBe(true);
      }
    });
  }
});
