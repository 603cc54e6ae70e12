// The chapters on non-blocking I/O and on interrupts in a browser: every example runs
// and gives exactly the trace that was pre-rendered at build time, every figure is
// drawn with a text alternative, at laptop and phone widths.
import { describe, it, expect } from 'vitest';
import { useHarness, runExample } from './harness';

const h = useHarness();

for (const chapter of ['03-nonblocking', '04-interrupts']) {
  describe(`chapter ${chapter}`, () => {
    it('runs every live example in the browser with the pre-rendered result', async () => {
      const { page, errors } = await h.open(`chapters/${chapter}/`);
      const examples = page.locator('live-example');
      const n = await examples.count();
      expect(n).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < n; i++) {
        await runExample(page, i);
        const ex = examples.nth(i);
        const { hash, ran, file } = await ex.evaluate((el: HTMLElement) => ({ hash: el.dataset.hash, ran: el.dataset.ranHash, file: el.dataset.file }));
        expect(ran, `${file} ran differently in the browser`).toBe(hash);
        expect(await ex.locator('.timeline .lane-svg rect').count()).toBeGreaterThan(0);
      }
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
