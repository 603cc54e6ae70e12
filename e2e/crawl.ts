// Crawl a built site the way a reader's browser would: start at the home page (and
// the pages nothing links to: 404, search), follow every same-origin link, load every
// page with JavaScript on, and report every reference that does not resolve: a page or
// asset that answers ≥ 400, a request that failed, a #fragment with no such id on its
// page, and any request that tried to leave the origin.
import type { Browser, Page } from 'playwright-core';
import { guardedContext } from './browser';
import type { StaticServer } from './static-server';

export interface CrawlReport {
  /** Pages visited (URLs without fragment). */
  pages: string[];
  /** Every resource URL that loaded, same origin. */
  loaded: Set<string>;
  broken: string[];
  offsite: string[];
  /** Console errors and uncaught exceptions, per page. */
  errors: string[];
}

const isPage = (u: URL) => u.pathname.endsWith('/') || u.pathname.endsWith('.html');

/** An address that does not exist, deep in the site: the 404 page must work there too. */
export const MISSING = 'chapters/no-such-page/deeper/';

export async function crawlSite(browser: Browser, server: StaticServer, extraStarts: string[] = ['404.html', MISSING, 'search/?q=read']): Promise<CrawlReport> {
  const origin = new URL(server.url).origin;
  const { context, offsite } = await guardedContext(browser, { viewport: { width: 1280, height: 900 } });
  const report: CrawlReport = { pages: [], loaded: new Set(), broken: [], offsite, errors: [] };
  const queue: string[] = [server.url, ...extraStarts.map((p) => server.url + p)];
  const seen = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; page: string; id: string }[] = [];
  const files = new Map<string, string>(); // non-page links to check: url -> the page that links it

  while (queue.length) {
    const target = queue.shift()!;
    if (seen.has(target)) continue;
    seen.add(target);
    report.pages.push(target);
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => report.errors.push(`${target}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 404/.test(m.text())) report.errors.push(`${target}: ${m.text()}`);
    });
    page.on('response', (r) => {
      const u = r.url();
      if (!u.startsWith(origin)) return;
      // The 404 page is meant to answer 404 for the address that does not exist.
      if (r.status() >= 400 && !(u === target && (target.endsWith('404.html') || target.endsWith(MISSING)))) report.broken.push(`${r.status()} ${u} (loaded by ${target})`);
      else report.loaded.add(u);
    });
    page.on('requestfailed', (r) => {
      if (r.url().startsWith(origin)) report.broken.push(`failed ${r.url()} (${r.failure()?.errorText}) (loaded by ${target})`);
    });
    await page.goto(target, { waitUntil: 'networkidle' });
    const found = await page.evaluate(() => {
      const refs: { kind: string; url: string }[] = [];
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) refs.push({ kind: 'a', url: a.href });
      for (const l of document.querySelectorAll<HTMLLinkElement>('link[href]')) refs.push({ kind: 'link', url: l.href });
      for (const s of document.querySelectorAll<HTMLScriptElement>('script[src]')) refs.push({ kind: 'script', url: s.src });
      for (const i of document.querySelectorAll<HTMLImageElement | HTMLSourceElement>('img[src], source[src], iframe[src], video[src], audio[src]')) refs.push({ kind: 'media', url: (i as HTMLImageElement).src });
      for (const f of document.querySelectorAll<HTMLFormElement>('form[action]')) refs.push({ kind: 'form', url: f.action });
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id).concat([...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')!));
      return { refs, ids };
    });
    const here = new URL(page.url());
    here.hash = '';
    ids.set(here.href, new Set(found.ids));
    for (const ref of found.refs) {
      const u = new URL(ref.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      if (u.origin !== origin) {
        // A link the reader may click to leave the site is fine; anything the page would load is not.
        if (ref.kind !== 'a') report.offsite.push(`${ref.kind} ${u.href} (in ${target})`);
        continue;
      }
      const hash = u.hash.slice(1);
      u.hash = '';
      if (hash && ref.kind === 'a') fragments.push({ from: target, page: u.href, id: decodeURIComponent(hash) });
      if (ref.kind === 'a' && isPage(u)) {
        u.search = '';
        if (!seen.has(u.href)) queue.push(u.href);
      } else if (!report.loaded.has(u.href) && ref.kind !== 'form') files.set(u.href, target);
    }
    await page.close();
  }
  for (const [u, from] of files) {
    const r = await fetch(u);
    if (r.status >= 400) report.broken.push(`${r.status} ${u} (linked from ${from})`);
  }
  for (const f of fragments) {
    const known = ids.get(f.page);
    if (known && !known.has(f.id)) report.broken.push(`#${f.id} does not exist on ${f.page} (linked from ${f.from})`);
  }
  await context.close();
  return report;
}
