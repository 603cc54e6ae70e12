// Screenshots of built pages at laptop and phone widths, light and dark, for looking
// at what readers see: npx tsx scripts/screenshots.ts [path ...] (after npm run build).
import { mkdirSync } from 'node:fs';
import { serveDist } from '../e2e/static-server';
import { launch, guardedContext } from '../e2e/browser';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const actions = process.argv.includes('--run');
const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });
const server = await serveDist('dist');
const browser = await launch();
for (const path of paths.length ? paths : ['', 'chapters/02-blocking/']) {
  for (const [name, width, height] of [['laptop', 1366, 900], ['phone', 390, 844]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const { context } = await guardedContext(browser, { viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(server.url + path);
      if (actions) {
        await page.locator('live-example [data-action="run"]').first().click();
        await page.waitForFunction(() => (document.querySelector('live-example') as HTMLElement | null)?.dataset.ranHash);
      }
      const file = `${out}/${(path || 'home').replace(/\W+/g, '_')}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
await server.close();
