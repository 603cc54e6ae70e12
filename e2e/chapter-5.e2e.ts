// Every live example of chapter 5 runs in the browser, and for unedited code the trace
// it draws is identical to the one pre-rendered at build time; its predictions are
// graded against runs, its exercises pass with their solutions, the comparison and the
// scaling chart run again in the browser, and its three figures have text alternatives
// and draw at phone width.
import { describe, it, expect } from 'vitest';
import { useHarness, runExerciseSolution, expectPrerenderedRun } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);
const chapter = 'chapters/05-async/';

describe(chapter, () => {
  it('every example runs and reproduces its pre-rendered trace', async () => {
    const { page, errors } = await h.open(chapter);
    const n = await page.locator('live-example').count();
    expect(n).toBeGreaterThanOrEqual(11);
    for (let i = 0; i < n; i++) await expectPrerenderedRun(page, i, 1);
    expect(errors).toEqual([]);
  }, 180_000);

  it('every prediction is graded right for the right answer, and both exercises pass with their solutions (instructor edition)', async () => {
    const { page, errors } = await instructor.open(chapter);
    const answers = [
      { value: '10240 KiB', choice: true }, // the elevator's last read
      { value: 'almost no time', choice: true }, // io_getevents after the work
      { value: '1', choice: false }, // io_uring_enter calls with SQPOLL
    ];
    const boxes = page.locator('predict-box');
    expect(await boxes.count()).toBe(answers.length);
    for (const [i, a] of answers.entries()) {
      const p = boxes.nth(i);
      await p.scrollIntoViewIfNeeded();
      if (a.choice) await p.locator(`input[value="${a.value}"]`).check();
      else await p.locator('input[name="guess"]').fill(a.value);
      await p.locator('button[type="submit"]').click();
      await page.waitForFunction((k) => document.querySelectorAll('predict-box')[k]?.getAttribute('data-grade'), i);
      expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right/);
    }
    const exercises = page.locator('exercise-box');
    expect(await exercises.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = exercises.nth(i);
      await box.scrollIntoViewIfNeeded();
      expect((await box.locator('.exercise-verdict').textContent())!.length).toBeGreaterThan(20);
      await runExerciseSolution(page, box);
      expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('the scaling chart sweeps again in the browser', async () => {
    const { page, errors } = await h.open(chapter);
    const chart = page.locator('scaling-chart').first();
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('[data-action="sweep"]').click();
    await page.waitForFunction(() => {
      const b = document.querySelector('scaling-chart')?.querySelector<HTMLButtonElement>('[data-action="sweep"]');
      return b && !b.disabled;
    }, undefined, { timeout: 120_000 });
    expect(await chart.locator('.ex-status').textContent()).toMatch(/Computed live in your browser: \d+ runs/);
    expect(errors).toEqual([]);
  }, 180_000);

  it('the three figures have text alternatives and draw at phone width; the comparison and the chart are there', async () => {
    const { page, errors } = await h.open(chapter, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const figs = page.locator('figure.fig');
    expect(await figs.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const fig = figs.nth(i);
      const svg = fig.locator('svg[role="img"]');
      const labelled = await svg.getAttribute('aria-labelledby');
      expect(labelled).toBeTruthy();
      for (const id of labelled!.split(' ')) expect((await page.locator(`#${id}`).textContent())!.length).toBeGreaterThan(10);
      await fig.scrollIntoViewIfNeeded();
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(150);
      expect(await fig.locator('figcaption').textContent()).toMatch(new RegExp(`Figure 5\\.${i + 1}`));
    }
    expect(await page.locator('compare-set').count()).toBe(1);
    expect(await page.locator('scaling-chart').count()).toBe(1);
    expect(await page.locator('scaling-chart').first().locator('svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
