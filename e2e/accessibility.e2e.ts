// axe-core reports no violation on any page, in both themes, at laptop and phone
// widths, and on a chapter with its examples run (trace redrawn, logs open) and the
// editor open (Monaco on a laptop, the plain editor on a phone).
import { describe, it, expect } from 'vitest';
import { useHarness, runExample, CHAPTER } from './harness';
import { axeViolations } from './axe';

const h = useHarness();
const PAGES = ['', CHAPTER, 'book/', 'search/?q=read', '404.html'];
const SCHEMES = ['light', 'dark'] as const;

describe('accessibility (axe-core)', () => {
  it('every page, light and dark, laptop width', async () => {
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      const { page, context } = await h.open('', { colorScheme });
      for (const path of PAGES) {
        await page.goto(h.server.url + path, { waitUntil: 'networkidle' });
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        found.push(...(await axeViolations(page, `${path || 'home'} ${colorScheme}`)));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('phone width, light and dark, with the chapter menu and the search results open', async () => {
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      const { page, context } = await h.open(CHAPTER, { colorScheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.waitForLoadState('networkidle');
      found.push(...(await axeViolations(page, `chapter phone ${colorScheme}`)));
      await page.locator('.nav-menu summary').click();
      found.push(...(await axeViolations(page, `chapter phone menu ${colorScheme}`)));
      await page.locator('.nav-menu summary').click();
      await page.locator('#site-search-q').fill('blocking');
      await page.locator('.search-results a').first().waitFor();
      found.push(...(await axeViolations(page, `chapter phone search ${colorScheme}`)));
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('a chapter with every example run, logs open and the editor open, light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of SCHEMES) {
      const { page, context } = await h.open(CHAPTER, { colorScheme });
      const n = await page.locator('live-example').count();
      for (let i = 0; i < n; i++) await runExample(page, i);
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      found.push(...(await axeViolations(page, `chapter ran ${colorScheme}`)));
      const ex = page.locator('live-example').first();
      await ex.locator('[data-action="edit"]').click();
      await ex.locator('.monaco-editor .view-lines').waitFor();
      found.push(...(await axeViolations(page, `chapter editor ${colorScheme}`)));
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('the plain editor on a phone', async () => {
    const { page } = await h.open(CHAPTER, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    expect(await axeViolations(page, 'plain editor')).toEqual([]);
  });
});
