// Debian's Chromium, driven by playwright-core, with the flags this machine needs.
// Every page gets a guard that fails any request leaving the local origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // Belt and braces for the off-origin guard below: no host but the local one even resolves.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

export interface GuardedContext {
  context: BrowserContext;
  /** Requests that tried to leave 127.0.0.1 (they are aborted). */
  offsite: string[];
}

export async function guardedContext(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<GuardedContext> {
  const context = await browser.newContext(opts);
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    offsite.push(u.href);
    return route.abort();
  });
  return { context, offsite };
}

/** Collect console errors and uncaught page errors, to fail tests on them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
