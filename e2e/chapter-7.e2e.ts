// The chapter on the Reactor and the Node.js event loop, and the appendix, in a browser:
// every example runs and gives exactly the trace that was pre-rendered at build time;
// every exercise's solution passes its check; every prediction is graded against a run;
// the comparison recomputes the same numbers; every figure is drawn with a text
// alternative, at laptop and phone widths; the appendix pages' links lead somewhere.
import { describe, it, expect } from 'vitest';
import { useHarness, runExample, runExerciseSolution, expectPrerenderedRun } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);
const CHAPTER = 'chapters/07-reactor/';
const APPENDIX = ['chapters/100-myths/', 'chapters/101-models/', 'chapters/102-glossary/'];

describe('chapter 07-reactor', () => {
  it('runs every live example in the browser with the pre-rendered result', async () => {
    const { page, errors } = await h.open(CHAPTER);
    // The chapter's own examples; those inside exercises have their own test below.
    const examples = page.locator('live-example:not(exercise-box live-example)');
    const n = await examples.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      const index = await examples.nth(i).evaluate((el) => [...document.querySelectorAll('live-example')].indexOf(el as HTMLElement));
      await expectPrerenderedRun(page, index);
    }
    expect(errors).toEqual([]);
  }, 240_000);

  for (const width of [1366, 390]) {
    it(`draws its figures with a text alternative, and no wider than the page, at ${width} px`, async () => {
      const { page } = await h.open(CHAPTER, { viewport: { width, height: 900 } });
      const figures = page.locator('figure.fig');
      expect(await figures.count()).toBe(2);
      for (let i = 0; i < (await figures.count()); i++) {
        const svg = figures.nth(i).locator('svg[role="img"]');
        expect(await svg.locator('title').textContent()).toBeTruthy();
        expect((await svg.locator('desc').textContent())!.length).toBeGreaterThan(100);
        // The drawing keeps a readable size: on a phone it scrolls sideways inside the figure.
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(Math.min(440, width));
        const fig = (await figures.nth(i).boundingBox())!;
        expect(fig.x + fig.width).toBeLessThanOrEqual(width);
        expect((await figures.nth(i).locator('figcaption').textContent())?.trim()).toMatch(/^Figure 7\.\d\./);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  it('every exercise: the starting program fails, the loaded solution passes (instructor edition)', async () => {
    const { page, errors } = await instructor.open(CHAPTER);
    const boxes = page.locator('exercise-box');
    const n = await boxes.count();
    expect(n).toBe(3);
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      expect(await box.locator('.exercise-verdict').textContent()).toMatch(/Not done yet/);
      await runExerciseSolution(page, box);
      expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
    }
    expect(errors).toEqual([]);
  }, 180_000);

  it('every prediction is graded against a run in the browser', async () => {
    const answers = [
      { value: '9' },
      { value: 'nextTick, promise, setImmediate, setTimeout', choice: true },
      { value: 'setImmediate', choice: true },
    ];
    const { page, errors } = await h.open(CHAPTER);
    const boxes = page.locator('predict-box');
    expect(await boxes.count()).toBe(answers.length);
    for (const [i, a] of answers.entries()) {
      const p = boxes.nth(i);
      if (a.choice) await p.locator(`input[value="${a.value}"]`).check();
      else await p.locator('input[name="guess"]').fill(a.value);
      await p.locator('button[type="submit"]').click();
      await page.waitForFunction((k) => document.querySelectorAll('predict-box')[k]?.getAttribute('data-grade'), i);
      expect(await p.locator('.predict-result').textContent()).toMatch(/^Exactly right\./);
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it('Run all recomputes the Reactor against the Proactor with the same numbers', async () => {
    const { page, errors } = await h.open(CHAPTER);
    const cmp = page.locator('compare-set').first();
    const before = await cmp.locator('.cmp-table').textContent();
    await cmp.locator('[data-action="run-all"]').click();
    await page.waitForFunction(() => document.querySelector('compare-set')?.getAttribute('data-ran') === '1');
    expect(await cmp.locator('.cmp-table').textContent()).toBe(before);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('the appendix', () => {
  for (const path of APPENDIX) {
    it(`${path}: renders, runs its examples as pre-rendered, and links only to pages that exist`, async () => {
      const { page, errors } = await h.open(path);
      expect(await page.locator('.chapter-label').textContent()).toBe('Appendix');
      const examples = page.locator('live-example');
      for (let i = 0; i < (await examples.count()); i++) {
        await runExample(page, i);
        const { hash, ran, file } = await examples.nth(i).evaluate((el: HTMLElement) => ({ hash: el.dataset.hash, ran: el.dataset.ranHash, file: el.dataset.file }));
        expect(ran, `${file} ran differently in the browser`).toBe(hash);
      }
      // Every link to another page of the book resolves, and its #anchor exists there.
      const links = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('.chapter a[href]')].map((a) => a.href).filter((h) => new URL(h).pathname.includes('/chapters/') && !h.startsWith(location.href.split('#')[0] + '#')),
      );
      expect(links.length).toBeGreaterThan(5);
      for (const href of new Set(links)) {
        const u = new URL(href);
        const res = await page.request.get(u.origin + u.pathname);
        expect(res.status(), href).toBe(200);
        if (u.hash) expect(await res.text(), href).toContain(`id="${decodeURIComponent(u.hash.slice(1))}"`);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
