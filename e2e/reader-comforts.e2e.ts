// What readers expect of a good documentation site: themes that follow the system and
// remember a choice, keyboard search, heading anchors, copy buttons, reading progress,
// printing, keyboard access (skip link, focus, leaving the editor), reduced motion, and
// a light page before any interaction.
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { useHarness, runExample, CHAPTER } from './harness';

const h = useHarness();

/** The first chapter with a static (Markdown) code block, found in the build. */
function chapterWithCodeBlock(): string {
  for (const id of readdirSync('dist/chapters').sort()) {
    const html = readFileSync(`dist/chapters/${id}/index.html`, 'utf8').replace(/<live-example[\s\S]*?<\/live-example>/g, '');
    if (/<pre class="astro-code/.test(html)) return `chapters/${id}/`;
  }
  throw new Error('no chapter has a Markdown code block to test the Copy button on');
}
const CODE_PAGE = chapterWithCodeBlock();
const stored = (page: import('playwright-core').Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

describe('themes', () => {
  it('follow the system until the reader chooses; the choice is remembered; choosing the system’s again forgets it', async () => {
    const { page } = await h.open(CHAPTER, { colorScheme: 'dark' });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const toggle = page.locator('.site-header [data-theme-toggle]');
    expect(await theme()).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.evaluate((b: HTMLButtonElement) => b.innerText || b.textContent)).toContain('Dark theme');
    // The system changes while the reader has not chosen: the page follows.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    // By keyboard: focus the toggle, press Enter.
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await theme()).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await stored(page, 'inside-io:theme')).toBe('dark');
    await page.reload();
    expect(await theme()).toBe('dark');
    // Now the system's change does not override the reader's choice.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await theme()).toBe('dark');
    await page.locator('.site-header [data-theme-toggle]').click();
    expect(await theme()).toBe('light');
    expect(await stored(page, 'inside-io:theme')).toBeNull();
  });

  it('code, traces and the editor follow the theme', async () => {
    const { page } = await h.open(CHAPTER, { colorScheme: 'light' });
    const ex = page.locator('live-example').first();
    const colours = () =>
      page.evaluate(() => ({
        code: getComputedStyle(document.querySelector('live-example .astro-code')!).backgroundColor,
        lane: getComputedStyle(document.querySelector('live-example .tl-lane')!).backgroundColor,
        syscall: getComputedStyle(document.querySelector('live-example .k-syscall, live-example .k-kernel')!).fill,
      }));
    const light = await colours();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    expect(await ex.locator('.monaco-editor').getAttribute('class')).not.toContain('vs-dark');
    await page.locator('.site-header [data-theme-toggle]').click();
    await page.waitForFunction(() => document.querySelector('live-example .monaco-editor')!.classList.contains('vs-dark'));
    await ex.locator('[data-action="reset"]').isVisible();
    await page.reload();
    const dark = await colours();
    expect(dark.code).not.toBe(light.code);
    expect(dark.lane).not.toBe(light.lane);
  });
});

describe('search', () => {
  it('is loaded only when the box gets focus, and works from the keyboard: / , type, ↓, Enter, Esc', async () => {
    const { page, errors } = await h.open('');
    await page.waitForLoadState('networkidle');
    const before = h.server.requests.length;
    expect(h.server.requests.some((p) => p.includes('/pagefind/'))).toBe(false);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('wait queue');
    const first = page.locator('.search-results a').first();
    await first.waitFor();
    expect(await page.locator('.search-status').first().textContent()).toMatch(/\d+ results? for “wait queue”/);
    expect(h.server.requests.slice(before).some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    expect(await page.locator('.search-panel').isVisible()).toBe(false);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    expect(new URL(page.url()).pathname).toMatch(/\/chapters\//);
    expect(errors).toEqual([]);
  });

  it('the search page shows every result for ?q=, and says so when there is none', async () => {
    const { page } = await h.open('search/?q=EAGAIN');
    await page.locator('.search-page-results a').first().waitFor();
    expect(await page.locator('.search-page .search-status').textContent()).toMatch(/results? for “EAGAIN”/);
    expect(await page.locator('.search-page-results a[href*="/chapters/"]').count()).toBeGreaterThan(0);
    await page.goto(h.server.url + 'search/?q=zzzyzzx');
    await page.waitForFunction(() => /No results/.test(document.querySelector('.search-page .search-status')?.textContent ?? ''));
  });
});

describe('chapter comforts', () => {
  it('every section heading has an anchor link to itself', async () => {
    const { page } = await h.open(CHAPTER);
    const headings = await page.locator('main h2[id]:not(.sr-only), main h3[id]').evaluateAll((hs) =>
      hs.map((h) => ({ id: h.id, href: h.querySelector('a.anchor')?.getAttribute('href'), label: h.querySelector('a.anchor')?.getAttribute('aria-label') })),
    );
    expect(headings.length).toBeGreaterThan(3);
    for (const hd of headings) {
      expect(hd.href).toBe(`#${hd.id}`);
      expect(hd.label).toMatch(/^Link to the section “.+”$/);
    }
    // The table of contents does not repeat the anchor's "#".
    expect(await page.locator('.toc').textContent()).not.toContain('#');
  });

  it('a static code block has a Copy button that copies its code', async () => {
    const { page, context } = await h.open(CODE_PAGE);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const block = page.locator('main .code-block').first();
    const button = block.locator('button.copy-code');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shown = await block.locator('pre code').evaluate((e: HTMLElement) => e.innerText);
    expect(copied.trim()).toBe(shown.trim());
    expect(copied.trim().split('\n').length).toBeGreaterThan(1);
    expect(copied).not.toContain('Copy');
    // Live examples have their own editor, not a copy button.
    expect(await page.locator('live-example button.copy-code').count()).toBe(0);
  });

  it('reading progress is remembered per chapter: the chapter offers to continue, the lists show how far', async () => {
    const { page } = await h.open(CHAPTER);
    const section = page.locator('main h2[id]').nth(2);
    const { id, title } = await section.evaluate((e) => ({ id: e.id, title: e.firstChild!.textContent!.trim() }));
    await section.evaluate((e) => window.scrollTo({ top: e.getBoundingClientRect().top + scrollY - 90, behavior: 'instant' }));
    await page.waitForFunction((id) => Object.keys(localStorage).some((k) => k.startsWith('inside-io:progress:') && localStorage.getItem(k)!.includes(`"section":"${id}"`)), id);
    await page.reload();
    const resume = page.locator('[data-resume]');
    await resume.waitFor();
    expect(await resume.locator('a').getAttribute('href')).toBe(`#${id}`);
    expect(await resume.locator('a').textContent()).toBe(title);
    await page.goto(h.server.url);
    const badge = page.locator('.home-chapters .progress-badge').first();
    expect(await badge.textContent()).toMatch(/^\d+% read$/);
    // Reading to the end marks the chapter finished, and it no longer offers to resume.
    await page.goto(h.server.url + CHAPTER);
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await page.waitForFunction(() => Object.values({ ...localStorage }).some((v) => v.includes('"done":true')));
    await page.goto(h.server.url);
    expect(await page.locator('.home-chapters .progress-badge').first().textContent()).toBe('finished');
    // With a #section in the address, the reader goes there: no offer.
    await page.goto(h.server.url + CHAPTER + '#summary');
    expect(await page.locator('[data-resume]').isVisible()).toBe(false);
  });

  it('prints the chapter without navigation or buttons, with code, traces and logs, in light colours', async () => {
    const { page } = await h.open(CODE_PAGE, { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const shown = (sel: string) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0);
    for (const sel of ['.site-header', '.sidebar', '.toc', '.prev-next', '.ex-toolbar', 'button.copy-code', '.skip-link']) expect(await shown(sel), sel).toBe(false);
    for (const sel of ['main h1', 'live-example .ex-code .line', 'live-example .timeline .lane-svg', 'live-example .counters', '.code-block pre']) expect(await shown(sel), sel).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    // Before printing, the collapsed strace logs open, and close again after.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('main details.strace[open]').count()).toBe(await page.locator('main details.strace').count());
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('main details.strace[open]').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  it('the whole-book page has every chapter, each starting on a new printed page', async () => {
    const { page } = await h.open('book/');
    const chapters = await page.locator('.book-chapter').count();
    expect(chapters).toBeGreaterThanOrEqual(1);
    await page.goto(h.server.url);
    expect(await page.locator('.home-chapters > li').count()).toBe(chapters);
    await page.goto(h.server.url + 'book/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.book-chapter').first().evaluate((e) => getComputedStyle(e).breakBefore)).toBe('page');
    expect(await page.locator('.book-chapter live-example').count()).toBeGreaterThan(0);
  });
});

describe('keyboard, focus and motion', () => {
  it('skip link, visible focus, and leaving the editor with Escape (as the help line under it says)', async () => {
    const { page } = await h.open(CHAPTER);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').focus();
    await page.keyboard.press('Enter');
    await ex.locator('.monaco-editor').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);
    expect(await ex.locator('.ex-help').textContent()).toMatch(/Esc/);
    expect(await ex.locator('.ex-help').isVisible()).toBe(true);
    // Tab stays in the editor (it indents) ...
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    // ... Escape leaves it for Run, and Enter runs the program.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('run');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await runExample(page, 0);
  });

  it('a link to a section far down a chapter lands on it, just below the sticky header, though examples off screen are laid out lazily', async () => {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const { page } = await h.open('chapters/05-async/', { viewport });
      const ids = await page.evaluate(() => [...document.querySelectorAll('main h2[id]')].map((e) => e.id));
      expect(ids.length).toBeGreaterThan(6);
      for (const id of [ids[ids.length - 2]!, ids[3]!]) {
        await page.evaluate((i) => (location.hash = i), id);
        await page.waitForTimeout(300);
        const top = await page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
        const header = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
        expect(top, `#${id} at ${viewport.width} px`).toBeGreaterThanOrEqual(header - 2);
        expect(top, `#${id} at ${viewport.width} px`).toBeLessThan(header + 40);
      }
    }
  });

  it('transitions are off when the reader asks for reduced motion', async () => {
    const { page } = await h.open(CHAPTER, { reducedMotion: 'reduce' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.btn, button')!).transitionDuration)).toMatch(/^0s/);
  });
});

describe('weight', () => {
  it('a chapter loads at most 30 KB gzip of JavaScript before any interaction, and no search, editor or runner code', async () => {
    const { page } = await h.open('');
    const before = h.server.requests.length;
    await page.goto(h.server.url + CHAPTER, { waitUntil: 'networkidle' });
    const loaded = h.server.requests.slice(before).filter((p) => p.endsWith('.js'));
    const gz = loaded.reduce((n, p) => {
      const f = join('dist', p.replace(/^\//, ''));
      return n + (existsSync(f) ? gzipSync(readFileSync(f), { level: 9 }).length : 0);
    }, 0);
    expect(gz).toBeLessThanOrEqual(30 * 1024);
    expect(loaded.filter((p) => /pagefind|monaco|editor|worker/i.test(p))).toEqual([]);
  });
});
