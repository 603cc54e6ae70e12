// Lighthouse scores (performance, accessibility, best practices, SEO) for the home page
// and a chapter, against dist/ served locally with gzip as a production server would
// send it, in Debian's Chromium. Mobile is Lighthouse's default (a mid-range phone on a
// slow 4G network, simulated); desktop is its desktop preset. Also: the bytes a chapter
// transfers before any interaction. Targets: performance ≥ 95, accessibility 100.
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM } from '../e2e/browser';
import { serveDist } from '../e2e/static-server';

const PAGES = [
  ['home', ''],
  ['chapter', 'chapters/02-blocking/'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string; details?: { items?: { url: string; transferSize?: number }[] } }>;
}

export async function lighthouseScores(): Promise<{ title: string; lines: string[] }> {
  const title = 'Lighthouse 12 (headless Chromium, dist/ served locally with gzip)';
  if (!existsSync('dist/index.html')) return { title, lines: ['skipped: run `npm run build` first'] };
  if (!existsSync(CHROMIUM)) return { title, lines: [`skipped: no Chromium at ${CHROMIUM}`] };
  const server = await serveDist('dist', '/', { gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    logLevel: 'silent',
  });
  const lines: string[] = [];
  try {
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const [name, path] of PAGES) {
        const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
        const result = await lighthouse(server.url + path, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] }, config);
        const lhr = result!.lhr as unknown as Lhr;
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const a = lhr.audits;
        lines.push(
          `${preset} ${name.padEnd(7)} performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}` +
            ` — FCP ${a['first-contentful-paint']?.displayValue}, LCP ${a['largest-contentful-paint']?.displayValue}, TBT ${a['total-blocking-time']?.displayValue}, CLS ${a['cumulative-layout-shift']?.displayValue}`,
        );
        if (preset === 'mobile' && name === 'chapter') {
          const items = a['network-requests']?.details?.items ?? [];
          const total = a['total-byte-weight']?.numericValue ?? 0;
          const js = items.filter((i) => /\.m?js(\?|$)/.test(i.url)).reduce((n, i) => n + (i.transferSize ?? 0), 0);
          lines.push(`chapter before interaction: ${(total / 1024).toFixed(1)} KB transferred in ${items.length} requests (JavaScript ${(js / 1024).toFixed(1)} KB), gzip`);
        }
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return { title, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await lighthouseScores();
  console.log(r.title + '\n  ' + r.lines.join('\n  '));
}
