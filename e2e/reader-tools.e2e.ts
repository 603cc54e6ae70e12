// The reader's tools around examples: exercises checked against the trace, predictions,
// comparisons and scaling sweeps recomputed in the browser, progress kept across reloads.
import { describe, it, expect } from 'vitest';
import { useHarness, runExample, typeProgram, runExerciseSolution } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** The instructor edition (solutions included), under a base path. */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);
const TOOLS = 'chapters/tools/';

describe('exercises', () => {
  it('the static page shows why the starting program fails; a correct edit passes, and the page remembers it', async () => {
    const { page, errors } = await h.open(TOOLS, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const box = page.locator('exercise-box').first();
    expect(await box.locator('.exercise-verdict').textContent()).toMatch(/Your reader made [\d,]+ read calls to get one message \(the goal is at most 3\)/);
    const index = await page.evaluate(() => [...document.querySelectorAll('live-example')].findIndex((el) => el.closest('exercise-box')));
    // A wrong attempt: still spinning. The check explains it in words.
    await box.locator('[data-action="edit"]').click();
    await box.locator('textarea.plain-editor').waitFor();
    const start = await box.locator('live-example').evaluate((el) => (el as HTMLElement & { data: { source: string } }).data.source);
    await typeProgram(page, index, start.replace('us(100)', 'us(10)'));
    await runExample(page, index);
    expect(await box.locator('.exercise-verdict').textContent()).toMatch(/Not yet: Your reader made \d+ read calls/);
    expect(await box.locator('.exercise-done').isVisible()).toBe(false);
    // The fix: drop O_NONBLOCK.
    await typeProgram(page, index, start.replace('  await sys.fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);\n', ''));
    await runExample(page, index);
    expect(await box.locator('.exercise-verdict').textContent()).toContain('Done: your program meets the goal. One message, 1 read call');
    expect(await box.locator('.exercise-done').isVisible()).toBe(true);
    await page.reload();
    expect(await page.locator('exercise-box').first().locator('.exercise-done').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a hint opens on request; the reader edition has no solution', async () => {
    const { page } = await h.open(TOOLS);
    const box = page.locator('exercise-box').first();
    const hint = box.locator('details.hint').first();
    expect(await hint.locator('.hint-body').isVisible()).toBe(false);
    await hint.locator('summary').click();
    expect(await hint.locator('.hint-body').textContent()).toContain('fcntl');
    expect(await box.locator('details.solution').count()).toBe(0);
  });

  it('in the instructor edition, the solution loads into the editor and passes', async () => {
    const { page } = await instructor.open(TOOLS);
    const box = page.locator('exercise-box').first();
    await runExerciseSolution(page, box);
    expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
  });
});

describe('predictions', () => {
  it('grade a number against the trace, explain it, and keep it across reloads', async () => {
    const { page, errors } = await h.open(TOOLS);
    const p = page.locator('predict-box').first();
    expect(await p.locator('.predict-static').isVisible()).toBe(false);
    await p.locator('input[name="guess"]').fill('5');
    await p.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('predict-box')?.getAttribute('data-grade'));
    const text = await p.locator('.predict-result').textContent();
    expect(text).toMatch(/^Not quite\. You predicted 5\. The trace says: ([\d,]+)\. read\(\) failed with EAGAIN \1 times/);
    expect(await p.locator('.predict-why').isVisible()).toBe(true);
    await page.reload();
    const again = page.locator('predict-box').first();
    await page.waitForFunction(() => document.querySelector('predict-box')?.getAttribute('data-grade') === 'off');
    expect(await again.locator('input[name="guess"]').inputValue()).toBe('5');
    expect(errors).toEqual([]);
  });

  it('a choice question: the surprising answer, right', async () => {
    const { page } = await h.open(TOOLS);
    const p = page.locator('predict-box').nth(1);
    await p.locator('input[value="main"]').check();
    await p.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelectorAll('predict-box')[1]?.getAttribute('data-grade'));
    expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right\. You predicted main\. The trace says: main\. main used \d+ µs of CPU time, writer \d+ µs\./);
  });

  it('without JavaScript, the answer is behind a disclosure', async () => {
    const { page } = await h.open(TOOLS, { javaScriptEnabled: false });
    const p = page.locator('predict-box').first();
    expect(await p.locator('.predict-form').isVisible()).toBe(false);
    await p.locator('.predict-static summary').click();
    expect(await p.locator('.predict-static').textContent()).toMatch(/The trace says: [\d,]+\./);
  });
});

describe('comparisons and scaling charts', () => {
  it('Run all recomputes the comparison in the browser with the same numbers', async () => {
    const { page, errors } = await h.open(TOOLS);
    const cmp = page.locator('compare-set').first();
    const before = await cmp.locator('.cmp-table').textContent();
    expect(await cmp.locator('.cmp-trace').count()).toBe(2);
    expect(await cmp.locator('.cmp-best').count()).toBeGreaterThan(2);
    await cmp.locator('[data-action="run-all"]').click();
    await page.waitForFunction(() => document.querySelector('compare-set')?.getAttribute('data-ran') === '1');
    expect(await cmp.locator('.cmp-table').textContent()).toBe(before);
    expect(await cmp.locator('.ex-status').textContent()).toMatch(/Ran every program/);
    // The traces are now interactive, on one shared time axis: zooming one zooms both.
    expect(await cmp.locator('.cmp-trace .tv canvas').count()).toBe(2);
    const windows = () => cmp.locator('.tv').evaluateAll((tvs) => tvs.map((tv) => `${(tv as HTMLElement).dataset.t0}-${(tv as HTMLElement).dataset.t1}`));
    const [a, b] = await windows();
    expect(a).toBe(b);
    await cmp.locator('.tv').first().locator('[data-tv="zoom-in"]').click();
    await page.waitForFunction((w) => [...document.querySelectorAll('compare-set .tv')].every((tv) => `${(tv as HTMLElement).dataset.t0}-${(tv as HTMLElement).dataset.t1}` !== w), a);
    const [c, d] = await windows();
    expect(c).toBe(d);
    expect(errors).toEqual([]);
  });

  it('a sweep runs live over the reader’s values, with progress, and redraws the chart', async () => {
    const { page, errors } = await h.open(TOOLS);
    const sc = page.locator('scaling-chart').first();
    expect(await sc.locator('.ch-series').count()).toBe(2);
    expect(await sc.locator('.ch-pt').count()).toBe(8);
    await sc.locator('.sc-values input').fill('5, 50, 500');
    await sc.locator('[data-action="sweep"]').click();
    await page.waitForFunction(() => document.querySelector('scaling-chart')?.getAttribute('data-swept') === '1');
    expect(await sc.locator('.ch-pt').count()).toBe(6);
    expect(await sc.locator('.ex-status').textContent()).toBe('Computed live in your browser: 6 runs.');
    expect(await sc.locator('.ch-table tbody tr').allTextContents()).toEqual([expect.stringMatching(/^5/), expect.stringMatching(/^50/), expect.stringMatching(/^500/)]);
    await sc.locator('.sc-values input').fill('ten, 20');
    await sc.locator('[data-action="sweep"]').click();
    expect(await sc.locator('.ex-status').textContent()).toMatch(/Enter numbers separated by commas/);
    expect(errors).toEqual([]);
  });
});
