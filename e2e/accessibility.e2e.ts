// axe-core reports no violation on any page of the book: every rule in the light theme,
// colour contrast again in the dark theme (the only thing a theme changes); at phone
// width with the menu and search results open; and on a chapter with examples run (trace
// redrawn, logs open) and with the editor open (Monaco on a laptop, plain on a phone).
import { describe, it, expect } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useHarness, runExample, CHAPTER } from './harness';
import { axeViolations } from './axe';

const h = useHarness();
const CONTRAST = ['color-contrast'];

function pages(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'pagefind' || f === 'assets' ? [] : pages(p);
    return f.endsWith('.html') ? [relative('dist', p).replace(/index\.html$/, '')] : [];
  });
}
const PAGES = pages().map((p) => (p === 'search/' ? 'search/?q=read' : p));

describe('accessibility (axe-core)', () => {
  it.each(PAGES)('/%s: light (all rules) and dark (contrast)', async (path) => {
    const found: string[] = [];
    const { page } = await h.open(path, { colorScheme: 'light' });
    await page.waitForLoadState('networkidle');
    found.push(...(await axeViolations(page, `${path || 'home'} light`)));
    await page.locator('.site-header [data-theme-toggle]').click(); // light → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    found.push(...(await axeViolations(page, `${path || 'home'} dark`, CONTRAST)));
    expect(found).toEqual([]);
  }, 120_000);

  it('phone width, with the chapter menu and the search results open', async () => {
    const found: string[] = [];
    const { page } = await h.open(CHAPTER, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.waitForLoadState('networkidle');
    found.push(...(await axeViolations(page, 'chapter phone')));
    await page.locator('.nav-menu summary').click();
    found.push(...(await axeViolations(page, 'chapter phone menu')));
    await page.locator('.nav-menu summary').click();
    await page.locator('#site-search-q').fill('blocking');
    await page.locator('.search-results a').first().waitFor();
    found.push(...(await axeViolations(page, 'chapter phone search')));
    await page.locator('.site-header [data-theme-toggle]').click();
    found.push(...(await axeViolations(page, 'chapter phone search dark', CONTRAST)));
    expect(found).toEqual([]);
  }, 120_000);

  it('a chapter with examples run, logs open and the editor open, light and dark', async () => {
    const found: string[] = [];
    const { page } = await h.open(CHAPTER);
    for (const i of [0, 1]) await runExample(page, i);
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    found.push(...(await axeViolations(page, 'chapter ran')));
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor .view-lines').waitFor();
    found.push(...(await axeViolations(page, 'chapter editor')));
    await page.locator('.site-header [data-theme-toggle]').click();
    await page.waitForFunction(() => document.querySelector('live-example .monaco-editor')!.classList.contains('vs-dark'));
    found.push(...(await axeViolations(page, 'chapter ran, editor, dark', CONTRAST)));
    expect(found).toEqual([]);
  }, 120_000);

  it('the plain editor on a phone', async () => {
    const { page } = await h.open(CHAPTER, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    expect(await axeViolations(page, 'plain editor')).toEqual([]);
  }, 120_000);
});
