// Every live example of chapters 1 and 2 runs in the browser, and for unedited code the
// trace it draws is identical to the one pre-rendered at build time. Every figure renders.
import { describe, it, expect } from 'vitest';
import { useHarness, runExerciseSolution, expectPrerenderedRun } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);

/** The right answer to each prediction, in page order. */
const predictions: Record<string, (string | number)[]> = {
  'chapters/01-descriptors/': ['return -1 with EAGAIN', 5],
  'chapters/02-blocking/': ['one', 'about 1 s'],
};

for (const chapter of ['chapters/01-descriptors/', 'chapters/02-blocking/']) {
  describe(chapter, () => {
    it('every example runs and reproduces its pre-rendered trace', async () => {
      const { page, errors } = await h.open(chapter);
      const n = await page.locator('live-example').count();
      expect(n).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < n; i++) await expectPrerenderedRun(page, i, 1);
      expect(errors).toEqual([]);
    });

    it('every prediction is graded right for the right answer, and every exercise passes with its solution (instructor edition)', async () => {
      const { page, errors } = await instructor.open(chapter);
      const answers = predictions[chapter]!;
      expect(await page.locator('predict-box').count()).toBe(answers.length);
      for (const [i, answer] of answers.entries()) {
        const p = page.locator('predict-box').nth(i);
        await p.scrollIntoViewIfNeeded();
        if (typeof answer === 'number') await p.locator('input[name="guess"]').fill(String(answer));
        else await p.locator(`input[value="${answer}"]`).check();
        await p.locator('button[type="submit"]').click();
        await page.waitForFunction((n) => document.querySelectorAll('predict-box')[n]?.getAttribute('data-grade'), i);
        expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right/);
      }
      const boxes = page.locator('exercise-box');
      expect(await boxes.count()).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < (await boxes.count()); i++) {
        const box = boxes.nth(i);
        await box.scrollIntoViewIfNeeded();
        // The starting program fails its check, with a reason.
        expect((await box.locator('.exercise-verdict').textContent())!.length).toBeGreaterThan(20);
        await runExerciseSolution(page, box);
        expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
      }
      expect(errors).toEqual([]);
    });

    it('every figure has a text alternative and draws', async () => {
      const { page } = await h.open(chapter, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const figs = page.locator('figure.fig');
      expect(await figs.count()).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < (await figs.count()); i++) {
        const svg = figs.nth(i).locator('svg[role="img"]');
        const labelled = await svg.getAttribute('aria-labelledby');
        expect(labelled).toBeTruthy();
        for (const id of labelled!.split(' ')) expect((await page.locator(`#${id}`).textContent())!.length).toBeGreaterThan(10);
        const box = await svg.boundingBox();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(150);
        expect(await figs.nth(i).locator('figcaption').textContent()).toMatch(/Figure \d\.\d/);
      }
    });
  });
}
