// The trace view on large traces, in headless Chromium against dist/: how long from the
// run's result reaching the page to the first frame of the timeline (building the
// model, laying out, painting), for a 10,000-event and a 100,000-event trace, and the
// whole Run click to first frame (simulation in the worker and transfer included).
import { existsSync } from 'node:fs';
import { launch, guardedContext } from '../e2e/browser';
import { serveDist } from '../e2e/static-server';

/** Two threads playing ping-pong over two pipes: about 22 events per round. */
const pingPong = (rounds: number) => `import { type Sys, type World, sec, us } from 'inside-io';
export const world: World = { cpus: 2, until: sec(60) };
export async function main(sys: Sys) {
  const a = [0, 0], b = [0, 0];
  await sys.pipe(a);
  await sys.pipe(b);
  const buf = new Uint8Array(8);
  await sys.pthread_create(async (peer: Sys) => {
    const pb = new Uint8Array(8);
    for (let i = 0; i < ${rounds}; i++) { await peer.read(a[0], pb); await peer.write(b[1], 'pong'); }
  }, 'peer');
  for (let i = 0; i < ${rounds}; i++) { await sys.write(a[1], 'ping'); await sys.read(b[0], buf); await sys.compute(us(2)); }
}`;

export async function traceViewFigures(dist = 'dist'): Promise<{ title: string; lines: string[] }> {
  const title = 'Trace view (headless Chromium, 1366 px wide)';
  if (!existsSync(`${dist}/index.html`)) return { title, lines: ['skipped: run `npm run build` first'] };
  const server = await serveDist(dist);
  const browser = await launch();
  const lines: string[] = [];
  try {
    for (const rounds of [455, 4600]) {
      const draws: number[] = [];
      const totals: number[] = [];
      let events = 0;
      for (let rep = 0; rep < 3; rep++) {
        const { context } = await guardedContext(browser, { viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        await page.goto(server.url + 'chapters/tools/?plain-editor');
        const ex = page.locator('live-example').first();
        await ex.locator('[data-action="edit"]').click();
        await ex.locator('textarea.plain-editor').fill(pingPong(rounds));
        // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
        const t = (await page.evaluate(`new Promise((resolve) => {
          const el = document.querySelector('live-example');
          const t0 = performance.now();
          const check = () => {
            const m = performance.getEntriesByName('tv-first-draw').at(-1);
            if (m) resolve({ total: performance.now() - t0, draw: m.duration, events: Number(el.querySelector('.tv').dataset.events) });
            else requestAnimationFrame(check);
          };
          el.querySelector('[data-action="run"]').click();
          requestAnimationFrame(check);
        })`)) as { total: number; draw: number; events: number };
        draws.push(t.draw);
        totals.push(t.total);
        events = t.events;
        await context.close();
      }
      draws.sort((a, b) => a - b);
      totals.sort((a, b) => a - b);
      lines.push(
        `${events.toLocaleString('en-US')} events: first draw ${draws[1]!.toFixed(0)} ms after the result arrives (median of 3); Run click to first draw ${totals[1]!.toFixed(0)} ms (simulation in the worker included)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { title, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await traceViewFigures();
  console.log(r.title + '\n  ' + r.lines.join('\n  '));
}
