// What a reader's browser loads and how fast the book responds, measured in headless
// Chromium against dist/ served locally: JavaScript before any interaction, what
// Edit costs, and the time from clicking Run to the trace being drawn.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, guardedContext } from '../e2e/browser';
import { serveDist } from '../e2e/static-server';

const CHAPTER = 'chapters/02-blocking/';

function gz(dist: string, urlPath: string): number {
  let file = join(dist, urlPath.replace(/^\//, ''));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

export async function pageFigures(dist = 'dist'): Promise<{ title: string; lines: string[] }> {
  const server = await serveDist(dist);
  const browser = await launch();
  const lines: string[] = [];
  try {
    // 1. JavaScript loaded before any interaction.
    {
      const { context } = await guardedContext(browser, { viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const loaded: string[] = [];
      page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
      await page.goto(server.url + CHAPTER, { waitUntil: 'networkidle' });
      const js = loaded.filter((p) => p.endsWith('.js'));
      const jsGz = js.reduce((n, p) => n + gz(dist, p), 0);
      const allGz = loaded.reduce((n, p) => n + gz(dist, p), 0);
      lines.push(`Chapter page before interaction: ${(jsGz / 1024).toFixed(1)} KB gzip of JavaScript in ${js.length} file(s) (target ≤ 30 KB); ${(allGz / 1024).toFixed(1)} KB gzip in total (HTML, CSS, JS)`);

      // 2. Edit, cold: bytes fetched and time until the editor is visible.
      const before = loaded.length;
      const t0 = Date.now();
      await page.locator('live-example [data-action="edit"]').first().click();
      await page.locator('live-example .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
      const editMs = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      const editGz = loaded.slice(before).reduce((n, p) => n + gz(dist, p), 0);
      lines.push(`Edit (cold cache, local server): editor visible after ${editMs} ms (target ≤ 1500 ms); ${(editGz / 1024 / 1024).toFixed(2)} MB gzip loaded (Monaco, its TypeScript worker, the simulator's declarations)`);
      await context.close();
    }
    // 3. Run to trace drawn, 20 runs of the unedited example.
    {
      const { context } = await guardedContext(browser, { viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + CHAPTER, { waitUntil: 'networkidle' });
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const ms = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const el = document.querySelector('live-example')!;
              const t0 = performance.now();
              el.addEventListener('example-ran', () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
              (el.querySelector('[data-action="run"]') as HTMLButtonElement).click();
            }),
        );
        if (i > 0) times.push(ms); // the first run also starts the worker; it is reported separately
        else lines.push(`First Run (starts the worker): ${ms.toFixed(1)} ms`);
      }
      times.sort((a, b) => a - b);
      lines.push(`Run to trace drawn: median ${times[10].toFixed(1)} ms over 20 runs (min ${times[0].toFixed(1)}, max ${times[19].toFixed(1)}; target ≤ 100 ms)`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { title: `Page figures (headless Chromium, ${CHAPTER})`, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await pageFigures();
  console.log(r.title + '\n  ' + r.lines.join('\n  '));
}
