// Shared set-up for browser tests: one static server and one browser per test file,
// a fresh guarded context per test, and a check that nothing left the origin.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launch, guardedContext, watchErrors } from './browser';
import { serveDist, type StaticServer } from './static-server';

export interface Harness {
  server: StaticServer;
  browser: Browser;
  /** A new page in a new context (fresh storage), with error and off-site request tracking. */
  open(path: string, opts?: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
}

export function useHarness(dist = 'dist', base = '/'): Harness {
  const h = {} as Harness;
  const offsite: string[] = [];
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    h.server = await serveDist(dist, base);
    h.browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await h.browser?.close();
    await h.server?.close();
    // No request may leave the local origin during the whole suite.
    expect(offsite).toEqual([]);
  });
  h.open = async (path, opts = {}) => {
    const g = await guardedContext(h.browser, { viewport: { width: 1280, height: 900 }, ...opts });
    contexts.push(g.context);
    const page = await g.context.newPage();
    const errors = watchErrors(page);
    g.context.on('close', () => offsite.push(...g.offsite));
    await page.goto(h.server.url + path.replace(/^\//, ''));
    return { page, context: g.context, errors };
  };
  return h;
}

/** Click Run on the nth example and wait for its trace to be redrawn. */
export async function runExample(page: Page, index = 0): Promise<void> {
  const ex = page.locator('live-example').nth(index);
  const before = await ex.getAttribute('data-ran-hash');
  await ex.locator('[data-action="run"]').click();
  await page.waitForFunction(
    ([i, prev]) => {
      const el = document.querySelectorAll('live-example')[i as number] as HTMLElement;
      return !el.hasAttribute('aria-busy') && el.dataset.ranHash !== undefined && el.dataset.ranHash !== prev;
    },
    [index, before] as const,
  );
}

/**
 * Run the nth example of the page and expect exactly the trace pre-rendered at build
 * time (same fingerprint), a drawn trace of more than `moreThan` events, and no error.
 */
export async function expectPrerenderedRun(page: Page, index: number, moreThan = 0): Promise<void> {
  const ex = page.locator('live-example').nth(index);
  await ex.scrollIntoViewIfNeeded();
  await runExample(page, index);
  const { hash, ran, file } = await ex.evaluate((el: HTMLElement) => ({ hash: el.dataset.hash, ran: el.dataset.ranHash, file: el.dataset.file }));
  expect(ran, `${file} (example ${index}) ran differently in the browser`).toBe(hash);
  expect(await traceEvents(ex)).toBeGreaterThan(moreThan);
  expect(await ex.locator('.run-error').count()).toBe(0);
}

/**
 * An exercise in the instructor edition: open its solution, load it into the exercise's
 * example and run it (the verdict then says whether the check passes).
 */
export async function runExerciseSolution(page: Page, box: Locator): Promise<void> {
  await box.scrollIntoViewIfNeeded();
  await box.locator('details.solution summary').click();
  await box.locator('[data-action="load-solution"]').click();
  const index = await box.evaluate((b) => [...document.querySelectorAll('live-example')].indexOf(b.querySelector('live-example')!));
  await runExample(page, index);
}

/** Replace the whole program in the open editor (Monaco or the plain one) by typing into it. */
export async function typeProgram(page: Page, index: number, source: string): Promise<void> {
  const ex = page.locator('live-example').nth(index);
  const plain = ex.locator('textarea.plain-editor');
  if (await plain.count()) {
    await plain.fill(source);
    return;
  }
  await ex.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-closes brackets and quotes while typing; paste-like insertion avoids that.
  await page.keyboard.insertText(source);
}

/** After a run: the interactive trace view is drawn; returns how many events it holds. */
export async function traceEvents(ex: Locator): Promise<number> {
  await ex.locator('.tv canvas').waitFor();
  return Number(await ex.locator('.tv').getAttribute('data-events'));
}

export const CHAPTER = 'chapters/02-blocking/';
