// A trace of more than 100,000 events stays responsive: zooming and panning it causes
// no main-thread task longer than 200 ms (observed with the Long Tasks API).
import { describe, it, expect } from 'vitest';
import { useHarness, runExample, typeProgram, CHAPTER } from './harness';

const h = useHarness();

/** Two threads playing ping-pong over two pipes: about 22 events per round. */
export const PING_PONG = (rounds: number) => `import { type Sys, type World, sec, us } from 'inside-io';
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

describe('a 100,000-event trace', () => {
  it('zooms and pans with no long task over 200 ms', async () => {
    const { page, errors } = await h.open(`${CHAPTER}?plain-editor`);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    await typeProgram(page, 0, PING_PONG(4600));
    await runExample(page, 0);
    await ex.locator('.tv canvas').waitFor();
    expect(Number(await ex.locator('.tv').getAttribute('data-events'))).toBeGreaterThan(100_000);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    const since = await page.evaluate(() => performance.now());
    const box = (await ex.locator('.tv-stage').boundingBox())!;
    const y = box.y + box.height * 0.5;
    await page.keyboard.down('Control');
    for (let i = 0; i < 25; i++) {
      await page.mouse.move(box.x + box.width * (0.2 + (i % 5) * 0.15), y);
      await page.mouse.wheel(0, -240);
    }
    await page.keyboard.up('Control');
    await page.mouse.move(box.x + box.width * 0.7, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.down('Control');
    for (let i = 0; i < 25; i++) await page.mouse.wheel(0, 240);
    await page.keyboard.up('Control');
    // Let the last frames paint, then read what the observer saw.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const zoomedOut = await ex.locator('.tv').evaluate((el: HTMLElement) => Number(el.dataset.t1) - Number(el.dataset.t0));
    expect(zoomedOut).toBeGreaterThan(0);
    const tasks = await page.evaluate((t) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((x) => x.start >= t), since);
    expect(tasks.filter((x) => x.duration > 200)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
