// Screenshots of built pages at laptop and phone widths, light and dark, for looking
// at what readers see (after npm run build):
//   npx tsx scripts/screenshots.ts [path ...] [--run] [--full] [--selector CSS] [--only laptop|phone] [--scheme light|dark]
//                                  [--wait CSS] [--click CSS] [--then CSS]
// --selector shoots each matching element on its own (e.g. "live-example", "compare-set");
// --wait waits for an element, --click clicks one, --then waits for another (e.g. a run's result).
import { mkdirSync } from 'node:fs';
import { serveDist } from '../e2e/static-server';
import { launch, guardedContext } from '../e2e/browser';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const valued = new Set(['--selector', '--only', '--scheme', '--wait', '--click', '--then']);
const paths = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
const actions = argv.includes('--run');
const selector = opt('--selector');
const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });
const server = await serveDist('dist');
const browser = await launch();
const sizes = ([['laptop', 1366, 900], ['phone', 390, 844]] as const).filter(([n]) => !opt('--only') || opt('--only') === n);
const schemes = (['light', 'dark'] as const).filter((s) => !opt('--scheme') || opt('--scheme') === s);
for (const path of paths.length ? paths : ['', 'chapters/02-blocking/']) {
  for (const [name, width, height] of sizes) {
    for (const scheme of schemes) {
      const { context } = await guardedContext(browser, { viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1, hasTouch: name === 'phone', isMobile: name === 'phone' });
      const page = await context.newPage();
      await page.goto(server.url + path);
      if (opt('--wait')) await page.waitForSelector(opt('--wait')!, { timeout: 60_000 });
      if (opt('--click')) await page.locator(opt('--click')!).first().click();
      if (opt('--then')) await page.waitForSelector(opt('--then')!, { timeout: 60_000 });
      if (actions) {
        await page.locator('live-example [data-action="run"]').first().click();
        await page.waitForFunction(() => (document.querySelector('live-example') as HTMLElement | null)?.dataset.ranHash);
      }
      const base = `${out}/${(path || 'home').replace(/\W+/g, '_')}-${name}-${scheme}`;
      if (selector) {
        const all = page.locator(selector);
        const n = await all.count();
        for (let i = 0; i < n; i++) {
          const file = `${base}-${selector.replace(/\W+/g, '_')}${i}.png`;
          // Off-screen examples are laid out only when near the viewport (content-visibility):
          // bring each one in and give it a frame before shooting.
          await all.nth(i).scrollIntoViewIfNeeded();
          await page.waitForTimeout(150);
          await all.nth(i).screenshot({ path: file });
          console.log(file);
        }
      } else {
        const file = `${base}.png`;
        await page.screenshot({ path: file, fullPage: argv.includes('--full') });
        console.log(file);
      }
      await context.close();
    }
  }
}
await browser.close();
await server.close();
