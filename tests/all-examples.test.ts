// Every example in content/examples runs to a clean end: no exception, no stall, and
// (unless the example says otherwise in its first lines) no blocked threads. Each
// example also has its own test file with assertions on its trace.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allExamples, exampleSource, runExample, EXAMPLES_DIR } from './examples.js';
import { runFingerprint } from '../components/trace/hash.js';

describe('every example program', () => {
  const examples = allExamples();
  const first = new Map<string, string>();
  it('there are examples', () => expect(examples.length).toBeGreaterThan(0));
  for (const path of examples) {
    it(`${path} runs cleanly and has its own trace assertions`, async () => {
      const r = await runExample(path);
      first.set(path, runFingerprint(r));
      expect(r.errors).toEqual([]);
      const expected = /@expect-stop (\w+)/.exec(exampleSource(path))?.[1] ?? 'exit';
      expect(r.stop.reason).toBe(expected);
      // Its own assertions: a sibling test, or (for an exercise's start and solution) a check
      // module, which tests/exercises.test.ts runs on both.
      const testFile = join(EXAMPLES_DIR, path.replace(/\.ts$/, '.test.ts'));
      const checkFile = join(EXAMPLES_DIR, path.replace(/(\.solution)?\.ts$/, '.check.ts'));
      expect(existsSync(testFile) || existsSync(checkFile), `${path} needs a test file with assertions on its trace`).toBe(true);
    });
  }

  // The page's trace is drawn at build time, where pages render concurrently, and the
  // reader's browser runs examples one after another in one worker: a run must depend on
  // nothing but its program (no state shared between kernels, no clock, no randomness).
  it('gives the same trace again in another order, with runs interleaved', async () => {
    const again = [...examples].reverse();
    for (let i = 0; i < again.length; i += 4) {
      const batch = again.slice(i, i + 4);
      const prints = await Promise.all(batch.map(async (p) => runFingerprint(await runExample(p))));
      batch.forEach((p, j) => expect(prints[j], p).toBe(first.get(p)));
    }
  }, 120_000);
});
