// Share links (a round trip, and hostile or broken ones), storage that refuses to keep
// anything, and the playground.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, runExample, typeProgram, runExerciseSolution } from './harness';
import { COURSE_DIR, COURSE_BASE } from './course-build';

const h = useHarness();
/** Solutions are in the instructor edition only (built under a base path). */
const instructor = useHarness(COURSE_DIR, COURSE_BASE);
const TOOLS = 'chapters/tools/';
const EX_ID = '02-blocking-blocking-read';

/** A share payload made the way the page makes them (deflate-raw, base64url), for any text. */
const pack = (page: Page, text: string) =>
  page.evaluate(async (t) => {
    const stream = new Blob([new TextEncoder().encode(t)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, text);

describe('share links', () => {
  it('carry an edited program to a fresh browser, which shows it and runs it', async () => {
    const { page } = await h.open(`${TOOLS}?plain-editor`);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    const original = await ex.evaluate((el) => (el as HTMLElement & { data: { source: string } }).data.source);
    await typeProgram(page, 0, original.replace('hello from the writer', 'sent through a link'));
    await ex.locator('[data-action="share"]').click();
    await page.waitForFunction(() => (document.querySelector('live-example .ex-share input') as HTMLInputElement | null)?.value.includes('#share='));
    const link = await ex.locator('.ex-share input').inputValue();
    expect(link).toMatch(new RegExp(`#share=${EX_ID}:[A-Za-z0-9_-]+$`));

    const other = await h.open(link.slice(h.server.url.length));
    const ex2 = other.page.locator('live-example').first();
    await other.page.waitForFunction(() => (document.querySelector('live-example') as HTMLElement).dataset.shared === 'opened');
    expect(await ex2.locator('.ex-code').textContent()).toContain('sent through a link');
    expect(await ex2.locator('.ex-status').textContent()).toMatch(/shared link/);
    await runExample(other.page, 0);
    expect(await ex2.locator('.trace-output').textContent()).toContain('read returned 20: sent through a link');
    expect(other.errors).toEqual([]);
  });

  it('treat HTML and script in a link as text: nothing is injected or executed', async () => {
    const { page: maker } = await h.open(TOOLS);
    const hostile = `</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b id="injected">bold</b>`;
    const payload = await pack(maker, hostile);
    const { page, errors } = await h.open(`${TOOLS}#share=${EX_ID}:${payload}`);
    await page.waitForFunction(() => (document.querySelector('live-example') as HTMLElement).dataset.shared === 'opened');
    const ex = page.locator('live-example').first();
    expect(await ex.locator('.ex-code').textContent()).toBe(hostile);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await ex.locator('.ex-code img, .ex-code script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('a broken or foreign link leaves the original program and says so', async () => {
    const { page } = await h.open(`${TOOLS}#share=${EX_ID}:!!!not-base64`);
    await page.waitForFunction(() => (document.querySelector('live-example') as HTMLElement).dataset.shared === 'broken');
    const ex = page.locator('live-example').first();
    expect(await ex.locator('.ex-status').textContent()).toMatch(/could not be read/);
    expect(await ex.locator('.ex-code').textContent()).toContain('hello from the writer');
    // A link that names no example of the page (here, markup as the name) is ignored.
    const other = await h.open(`${TOOLS}#share=%3Cimg%20src=x%3E:abc`);
    expect(await other.page.locator('live-example').first().getAttribute('data-shared')).toBeNull();
    expect(other.errors).toEqual([]);
  });
});

describe('storage that is full or disabled', () => {
  it('gives a notice, never a crash: edits, runs and exercises still work (instructor edition, which has solutions)', async () => {
    const { page, context, errors } = await instructor.open(TOOLS);
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(instructor.server.url + `${TOOLS}?plain-editor`);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    const original = await ex.evaluate((el) => (el as HTMLElement & { data: { source: string } }).data.source);
    await typeProgram(page, 0, original.replace('hello from the writer', 'not kept'));
    expect(await ex.locator('.ex-status').textContent()).toMatch(/does not let the page keep your edits/);
    await runExample(page, 0);
    expect(await ex.locator('.trace-output').textContent()).toContain('not kept');
    const box = page.locator('exercise-box').first();
    await runExerciseSolution(page, box);
    expect(await box.locator('.exercise-verdict').textContent()).toContain('Done');
    expect(errors).toEqual([]);
  });
});

describe('the playground', () => {
  const ready = (page: Page) => page.waitForSelector('inside-playground[data-ready]');

  it('runs a template, runs it again on a changed world, and loads another template', async () => {
    const { page, errors } = await h.open('playground/?plain-editor');
    await ready(page);
    await page.click('inside-playground [data-action="run"]');
    await page.waitForSelector('.pg-trace .tv canvas');
    expect(await page.locator('.pg-trace .tv-label').allTextContents()).toEqual(expect.arrayContaining(['CPU 0', 'CPU 1']));
    await page.fill('.pg-world input[name="cpus"]', '1');
    await page.click('inside-playground [data-action="run"]');
    await page.waitForFunction(() => ![...document.querySelectorAll('.pg-trace .tv-label')].some((l) => l.textContent === 'CPU 1'));
    expect(await page.locator('.pg-trace .tv-label', { hasText: 'CPU 0' }).count()).toBe(1);
    // Another template: the editor gets its code, the form its world.
    await page.selectOption('.pg-template select', '03-nonblocking/busy-poll.ts');
    await page.waitForFunction(() => (document.querySelector('.pg-editor textarea') as HTMLTextAreaElement).value.includes('O_NONBLOCK'));
    await page.waitForFunction(() => (document.querySelector('.pg-world input[name="cpus"]') as HTMLInputElement).value === '2');
    expect(errors).toEqual([]);
  });

  it('shares the program and the world settings in one link', async () => {
    const { page } = await h.open('playground/?plain-editor');
    await ready(page);
    await page.fill('.pg-editor textarea', (await page.inputValue('.pg-editor textarea')).replace('hello from the writer', 'from the playground'));
    await page.waitForSelector('.pg-world input[name="cpus"]');
    await page.fill('.pg-world input[name="cpus"]', '3');
    await page.click('inside-playground [data-action="share"]');
    await page.waitForFunction(() => (document.querySelector('inside-playground .ex-share input') as HTMLInputElement).value.includes('#pg='));
    const link = await page.inputValue('inside-playground .ex-share input');
    // The link keeps the page's own query (?plain-editor here).
    const other = await h.open(link.slice(h.server.url.length));
    await ready(other.page);
    expect(await other.page.inputValue('.pg-editor textarea')).toContain('from the playground');
    await other.page.waitForFunction(() => (document.querySelector('.pg-world input[name="cpus"]') as HTMLInputElement | null)?.value === '3');
    await other.page.click('inside-playground [data-action="run"]');
    await other.page.waitForSelector('.pg-trace .tv canvas');
    expect(await other.page.locator('.pg-trace .tv-label', { hasText: 'CPU 2' }).count()).toBe(1);
    expect(await other.page.locator('.pg-trace .trace-output').textContent()).toContain('from the playground');
  });
});
