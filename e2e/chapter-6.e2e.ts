// Every live example of chapter 6 runs in the browser, and for unedited code the trace
// it draws is identical to the one pre-rendered at build time; its figure, scaling
// charts, comparison, predictions and exercises are on the page, drawn at build time.
import { describe, it, expect } from 'vitest';
import { useHarness, runExerciseSolution, expectPrerenderedRun } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);
const chapter = 'chapters/06-multiplexing/';

describe(chapter, () => {
  it('every example runs and reproduces its pre-rendered trace', async () => {
    const { page, errors } = await h.open(chapter);
    const n = await page.locator('live-example').count();
    expect(n).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < n; i++) await expectPrerenderedRun(page, i, 1);
    expect(errors).toEqual([]);
  });

  it('both predictions are graded right for the right answer, and every exercise passes with its solution (instructor edition)', async () => {
    const { page, errors } = await instructor.open(chapter);
    const answers = [10, 4]; // level-triggered reports of the pipe; workers woken by one connection
    expect(await page.locator('predict-box').count()).toBe(answers.length);
    for (const [i, answer] of answers.entries()) {
      const p = page.locator('predict-box').nth(i);
      await p.scrollIntoViewIfNeeded();
      await p.locator('input[name="guess"]').fill(String(answer));
      await p.locator('button[type="submit"]').click();
      await page.waitForFunction((n) => document.querySelectorAll('predict-box')[n]?.getAttribute('data-grade'), i);
      expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right/);
    }
    const boxes = page.locator('exercise-box');
    expect(await boxes.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = boxes.nth(i);
      await box.scrollIntoViewIfNeeded();
      expect((await box.locator('.exercise-verdict').textContent())!.length).toBeGreaterThan(20);
      await runExerciseSolution(page, box);
      expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
    }
    expect(errors).toEqual([]);
  });

  it('both scaling charts sweep again in the browser, 10,000 descriptors included, within the watchdog', async () => {
    const { page, errors } = await h.open(chapter);
    for (let i = 0; i < 2; i++) {
      const chart = page.locator('scaling-chart').nth(i);
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('[data-action="sweep"]').click();
      await page.waitForFunction((n) => {
        const b = document.querySelectorAll('scaling-chart')[n]?.querySelector<HTMLButtonElement>('[data-action="sweep"]');
        return b && !b.disabled;
      }, i, { timeout: 120_000 });
      expect(await chart.locator('.ex-status').textContent()).toMatch(/Computed live in your browser: \d+ runs/);
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('the figure has a text alternative and draws at phone width; the charts, comparison, predictions and exercises are there', async () => {
    const { page, errors } = await h.open(chapter, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const fig = page.locator('figure.fig').first();
    const svg = fig.locator('svg[role="img"]');
    const labelled = await svg.getAttribute('aria-labelledby');
    expect(labelled).toBeTruthy();
    for (const id of labelled!.split(' ')) expect((await page.locator(`#${id}`).textContent())!.length).toBeGreaterThan(10);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(150);
    expect(await fig.locator('figcaption').textContent()).toMatch(/Figure 6\.1/);
    // Two scaling charts with three series each, drawn at build time.
    expect(await page.locator('scaling-chart').count()).toBe(2);
    expect(await page.locator('scaling-chart').first().locator('svg').count()).toBeGreaterThan(0);
    expect(await page.locator('compare-set').count()).toBe(1);
    expect(await page.locator('predict-box').count()).toBe(2);
    expect(await page.locator('exercise-box').count()).toBe(3);
    expect(errors).toEqual([]);
  });
});
