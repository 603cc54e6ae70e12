// The static build as instructors host it: at the root of a server (dist/) and under a
// base path chosen at build time (dist-course/, built with BASE_PATH=/os101/io/). Every
// page is crawled with requests outside the origin blocked; every link, asset, fragment,
// worker, Monaco file and search file must resolve, and nothing may leave the origin.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, guardedContext } from './browser';
import { serveDist, type StaticServer } from './static-server';
import { crawlSite, MISSING } from './crawl';
import { COURSE_DIR, COURSE_BASE } from './course-build';
import { runExample, CHAPTER } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const [dist, base] of [['dist', '/'], [COURSE_DIR, COURSE_BASE]] as const) {
  describe(`${dist}/ served under ${base}`, () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveDist(dist, base);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('every page, link, asset and #fragment resolves, and no request leaves the origin', async () => {
      const r = await crawlSite(browser, server);
      expect(r.broken).toEqual([]);
      expect(r.offsite).toEqual([]);
      expect(r.errors).toEqual([]);
      // The crawl reached the whole book: home, every chapter, the whole-book page, search, 404.
      const paths = r.pages.map((p) => new URL(p).pathname);
      expect(paths).toEqual(expect.arrayContaining([base, `${base}${CHAPTER}`, `${base}book/`, `${base}404.html`, `${base}search/`.replace(/\/$/, '/')].map((p) => expect.stringContaining(p))));
      expect(paths.filter((p) => p.includes('/chapters/') && !p.includes('no-such-page')).length).toBeGreaterThanOrEqual(1);
      // Nothing was requested outside the base path (the server answers 404 there, but be explicit).
      expect(server.requests.filter((p) => !p.startsWith(base))).toEqual([]);
    });

    it('Run (worker), Edit (Monaco and its workers) and search (Pagefind) load from under the base path only', async () => {
      const { context, offsite } = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const bad: string[] = [];
      page.on('response', (res) => {
        if (res.status() >= 400) bad.push(`${res.status()} ${res.url()}`);
      });
      page.on('requestfailed', (req) => bad.push(`failed ${req.url()}`));
      const before = server.requests.length;
      await page.goto(server.url + CHAPTER);
      await runExample(page, 0);
      const ex = page.locator('live-example').first();
      // Let Monaco's TypeScript worker finish loading before the page is left below.
      const tsWorker = page.waitForEvent('requestfinished', (r) => /ts\.worker/.test(r.url()));
      await ex.locator('[data-action="edit"]').click();
      await tsWorker;
      await ex.locator('.monaco-editor .view-lines').waitFor();
      // Monaco's TypeScript worker answers: type errors appear for a wrong argument.
      await page.waitForFunction(() => document.querySelectorAll('live-example .monaco-editor .view-lines .view-line').length > 5);
      await page.locator('#site-search-q').focus();
      await page.keyboard.type('EAGAIN');
      await page.locator('.search-results a').first().waitFor();
      const href = await page.locator('.search-results a').first().getAttribute('href');
      expect(href?.startsWith(`${base}chapters/`)).toBe(true);
      await page.locator('.search-results a').first().click();
      await page.waitForURL((u) => u.pathname.startsWith(`${base}chapters/`));
      const requested = server.requests.slice(before);
      expect(requested.some((p) => p.startsWith(`${base}pagefind/`) && p.endsWith('.pf_index'))).toBe(true);
      expect(requested.some((p) => /worker/i.test(p))).toBe(true);
      expect(requested.filter((p) => !p.startsWith(base))).toEqual([]);
      expect(bad).toEqual([]);
      await context.close();
      expect(offsite).toEqual([]);
    });

    it('an address that does not exist gets the 404 page, styled, with working links', async () => {
      const res = await fetch(server.url + MISSING);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Page not found');
      const { context } = await guardedContext(browser);
      const page = await context.newPage();
      await page.goto(server.url + MISSING);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      // The stylesheet loaded (absolute URL under the base path): the header is sticky.
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
      await page.locator('main a', { hasText: 'table of contents' }).click();
      await page.waitForURL(server.url);
      await context.close();
    });
  });
}
