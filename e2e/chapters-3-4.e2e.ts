// The chapters on non-blocking I/O and on interrupts in a browser: every example runs
// and gives exactly the trace that was pre-rendered at build time; every exercise's
// solution passes its check; every prediction is graded against the trace; the
// comparisons and the sweep recompute the same numbers; every figure is drawn with a
// text alternative, at laptop and phone widths.
import { describe, it, expect } from 'vitest';
import { useHarness, runExerciseSolution, expectPrerenderedRun } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);

for (const chapter of ['03-nonblocking', '04-interrupts']) {
  describe(`chapter ${chapter}`, () => {
    it('runs every live example in the browser with the pre-rendered result', async () => {
      const { page, errors } = await h.open(`chapters/${chapter}/`);
      const examples = page.locator('live-example');
      const n = await examples.count();
      expect(n).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < n; i++) await expectPrerenderedRun(page, i);
      expect(errors).toEqual([]);
    }, 180_000);

    for (const width of [1366, 390]) {
      it(`draws its figures with a text alternative, and no wider than the page, at ${width} px`, async () => {
        const { page } = await h.open(`chapters/${chapter}/`, { viewport: { width, height: 900 } });
        const figures = page.locator('figure.fig');
        expect(await figures.count()).toBeGreaterThanOrEqual(1);
        for (let i = 0; i < (await figures.count()); i++) {
          const svg = figures.nth(i).locator('svg[role="img"]');
          expect(await svg.locator('title').textContent()).toBeTruthy();
          expect((await svg.locator('desc').textContent())!.length).toBeGreaterThan(100);
          const box = (await svg.boundingBox())!;
          expect(box.width).toBeGreaterThan(250);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
          expect((await figures.nth(i).locator('figcaption').textContent())?.trim()).toMatch(/^Figure \d\.\d\./);
        }
        // Nothing on the page is wider than the viewport (no sideways scrolling of the page itself).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  });
}

/** The true answer of each prediction, as a reader would enter it. */
const ANSWERS: Record<string, { value: string; choice?: boolean }[]> = {
  '03-nonblocking': [{ value: '81920' }],
  '04-interrupts': [{ value: '2167' }, { value: 'BUG: scheduling while atomic', choice: true }],
};

for (const chapter of ['03-nonblocking', '04-interrupts']) {
  describe(`chapter ${chapter}: the reader's tools`, () => {
    it('every exercise: the starting program fails, the loaded solution passes (instructor edition)', async () => {
      const { page, errors } = await instructor.open(`chapters/${chapter}/`);
      const boxes = page.locator('exercise-box');
      const n = await boxes.count();
      expect(n).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < n; i++) {
        const box = boxes.nth(i);
        expect(await box.locator('.exercise-verdict').textContent()).toMatch(/Not done yet/);
        await runExerciseSolution(page, box);
        expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
      }
      expect(errors).toEqual([]);
    }, 120_000);

    it('every prediction is graded against a run in the browser', async () => {
      const { page, errors } = await h.open(`chapters/${chapter}/`);
      const boxes = page.locator('predict-box');
      expect(await boxes.count()).toBe(ANSWERS[chapter]!.length);
      for (const [i, a] of ANSWERS[chapter]!.entries()) {
        const p = boxes.nth(i);
        if (a.choice) await p.locator(`input[value="${a.value}"]`).check();
        else await p.locator('input[name="guess"]').fill(a.value);
        await p.locator('button[type="submit"]').click();
        await page.waitForFunction((k) => document.querySelectorAll('predict-box')[k]?.getAttribute('data-grade'), i);
        expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right\./);
      }
      expect(errors).toEqual([]);
    }, 120_000);

    it('Run all recomputes each comparison with the same numbers', async () => {
      const { page, errors } = await h.open(`chapters/${chapter}/`);
      const cmp = page.locator('compare-set').first();
      const before = await cmp.locator('.cmp-table').textContent();
      await cmp.locator('[data-action="run-all"]').click();
      await page.waitForFunction(() => document.querySelector('compare-set')?.getAttribute('data-ran') === '1', undefined, { timeout: 15_000 }).catch(async (e) => {
        throw new Error(`${(e as Error).message}; status: ${await cmp.locator('.ex-status').textContent()}`);
      });
      expect(await cmp.locator('.cmp-table').textContent()).toBe(before);
      expect(errors).toEqual([]);
    }, 120_000);
  });
}

describe('chapter 03-nonblocking: the scaling chart', () => {
  it('sweeps the pause again in the browser and finds the same points', async () => {
    const { page, errors } = await h.open('chapters/03-nonblocking/');
    const sc = page.locator('scaling-chart').first();
    const before = await sc.locator('.ch-table tbody').textContent();
    await sc.locator('[data-action="sweep"]').click();
    await page.waitForFunction(() => document.querySelector('scaling-chart')?.getAttribute('data-swept') === '1', undefined, { timeout: 100_000 });
    expect(await sc.locator('.ch-table tbody').textContent()).toBe(before);
    expect(errors).toEqual([]);
  }, 120_000);
});
