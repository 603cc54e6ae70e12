// The interactive trace view: stepping both ways, narration, inspectors at the cursor,
// links between events and lines of code, zoom and pan, filters, downloads, large traces.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness, runExample, typeProgram, CHAPTER } from './harness';

/** Its first example is blocking-read.ts with the run-queue, fd-table and buffer inspectors. */
const TOOLS = 'chapters/tools/';

const h = useHarness();

async function openRun(page: Page, index = 0) {
  await runExample(page, index);
  const ex = page.locator('live-example').nth(index);
  await ex.locator('.tv canvas').waitFor();
  return ex;
}

const state = (page: Page) =>
  page.evaluate(() => {
    const tv = document.querySelector('live-example .tv') as HTMLElement;
    return { seq: tv.dataset.seq, t0: Number(tv.dataset.t0), t1: Number(tv.dataset.t1), cursor: Number(tv.dataset.cursor), narration: tv.querySelector('.tv-narration')!.textContent! };
  });

describe('the trace view', () => {
  it('steps forward and backward event by event; narration and inspectors follow the cursor', async () => {
    const { page, errors } = await h.open(TOOLS);
    const ex = await openRun(page);
    const stage = ex.locator('.tv-stage');
    await stage.focus();
    await page.keyboard.press('Home');
    const forward: string[] = [];
    for (let i = 0; i < 12; i++) {
      forward.push((await state(page)).narration);
      await page.keyboard.press('ArrowRight');
    }
    forward.push((await state(page)).narration);
    expect(forward.some((n) => /^t=[\d.]+ µs: main \(thread 1\) calls read\(3, "hello from the writer\\n", 64\) — returns 22 after 203\.\d+ µs$/.test(n))).toBe(true);
    expect(forward.some((n) => /main \(thread 1\) sleeps in pipe_read for [\d.]+ µs, until writer \(thread 2\) wakes it/.test(n))).toBe(true);
    // Backward: the same events, in reverse.
    const backward: string[] = [(await state(page)).narration];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('ArrowLeft');
      backward.push((await state(page)).narration);
    }
    expect(backward.reverse()).toEqual(forward);
    expect(await ex.locator('.tv-narration').getAttribute('aria-live')).toBe('polite');
    // Step to the moment main is asleep: the run-queue inspector shows it, and a step back undoes it.
    for (let i = 0; i < 30; i++) {
      if (/sleeps in pipe_read/.test((await state(page)).narration)) break;
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /main · 1 on pipe_read/.test(document.querySelector('live-example .tv-panels [data-inspector="runqueue"]')?.textContent ?? ''));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => !/on pipe_read/.test(document.querySelector('live-example .tv-panels [data-inspector="runqueue"]')?.textContent ?? 'on pipe_read'));
    expect(errors).toEqual([]);
  });

  it('a system call at the cursor marks its line of code; a clicked line lights up its calls', async () => {
    const { page } = await h.open(TOOLS);
    const ex = await openRun(page);
    // Click the read() in main's system-call strip (it spans most of the run).
    await ex.locator('.tv-stage').scrollIntoViewIfNeeded();
    const label = await ex.locator('.tv-label', { hasText: 'main · 1' }).boundingBox();
    const stage = await ex.locator('.tv-stage').boundingBox();
    await page.mouse.move(stage!.x + stage!.width * 0.5, label!.y + 5);
    await ex.locator('.tv-tip').waitFor();
    expect(await ex.locator('.tv-tip').textContent()).toMatch(/main \(thread 1\) calls read\(3/);
    await page.mouse.click(stage!.x + stage!.width * 0.5, label!.y + 5);
    await page.waitForFunction(() => document.querySelector('live-example .line-mark') !== null);
    const marked = await ex.evaluate((el) => [...el.querySelectorAll('.ex-code .line')].findIndex((l) => l.classList.contains('line-mark')) + 1);
    expect(marked).toBe(20);
    // The other way: click line 14 (the writer's write) in the code.
    await ex.locator('.ex-code .line').nth(13).click();
    expect(await ex.locator('.ex-status').textContent()).toBe('Line 14: 1 system call highlighted in the trace.');
    expect((await state(page)).narration).toMatch(/writer \(thread 2\) calls write\(4/);
  });

  it('zooms with buttons, Ctrl+wheel and keys, pans by dragging, and fits the whole run', async () => {
    const { page } = await h.open(TOOLS);
    const ex = await openRun(page);
    const full = await state(page);
    expect(full.t0).toBe(0);
    await ex.locator('.tv-stage').scrollIntoViewIfNeeded();
    await ex.locator('[data-tv="zoom-in"]').click();
    await page.waitForFunction((span) => {
      const tv = document.querySelector('live-example .tv') as HTMLElement;
      return Math.abs(Number(tv.dataset.t1) - Number(tv.dataset.t0) - span / 2) < span * 0.01;
    }, full.t1 - full.t0);
    const box = (await ex.locator('.tv-stage').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    const before = await state(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((s) => Number((document.querySelector('live-example .tv') as HTMLElement).dataset.t1) - Number((document.querySelector('live-example .tv') as HTMLElement).dataset.t0) < s, before.t1 - before.t0);
    // A plain wheel scrolls the page, not the timeline.
    const zoomed = await state(page);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
    expect((await state(page)).t1 - (await state(page)).t0).toBe(zoomed.t1 - zoomed.t0);
    // Drag to pan: the window moves, its width does not. (The page scrolled: measure again.)
    const box2 = (await ex.locator('.tv-stage').boundingBox())!;
    await page.mouse.move(box2.x + box2.width * 0.6, box2.y + box2.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box2.x + box2.width * 0.3, box2.y + box2.height * 0.6, { steps: 5 });
    await page.mouse.up();
    const panned = await state(page);
    expect(panned.t0).toBeGreaterThan(zoomed.t0);
    // data-t0 and data-t1 are each rounded to whole nanoseconds: their difference may move by one.
    expect(Math.abs(panned.t1 - panned.t0 - (zoomed.t1 - zoomed.t0))).toBeLessThanOrEqual(1);
    await ex.locator('.tv-stage').focus();
    await page.keyboard.press('0');
    await page.waitForFunction((t1) => Number((document.querySelector('live-example .tv') as HTMLElement).dataset.t1) === t1, full.t1);
  });

  it('on a phone: two fingers pinch to zoom, one finger pans, a tap moves the cursor', async () => {
    const { page, errors } = await h.open(TOOLS, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const ex = await openRun(page);
    await ex.locator('.tv-stage').scrollIntoViewIfNeeded();
    const box = (await ex.locator('.tv-stage').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const y = box.y + box.height * 0.6;
    const cx = box.x + box.width * 0.5;
    const full = await state(page);
    await touch('touchStart', [[cx - 20, y], [cx + 20, y]]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [[cx - 20 - i * 12, y], [cx + 20 + i * 12, y]]);
    await touch('touchEnd', []);
    const zoomed = await state(page);
    expect(zoomed.t1 - zoomed.t0).toBeLessThan((full.t1 - full.t0) * 0.6);
    // One finger, sideways, away from the cursor line.
    const cursorX = box.x + ((zoomed.cursor - zoomed.t0) / (zoomed.t1 - zoomed.t0)) * box.width;
    const from = Math.abs(cursorX - (box.x + box.width * 0.2)) > 40 ? box.x + box.width * 0.2 : box.x + box.width * 0.8;
    const dir = from < cx ? 1 : -1;
    await touch('touchStart', [[from, y]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[from + dir * i * 20, y]]);
    await touch('touchEnd', []);
    const panned = await state(page);
    expect(panned.t0).not.toBe(zoomed.t0);
    expect(panned.t1 - panned.t0).toBe(zoomed.t1 - zoomed.t0);
    await page.touchscreen.tap(box.x + box.width * 0.5, y);
    await page.waitForFunction((c) => Number((document.querySelector('live-example .tv') as HTMLElement).dataset.cursor) !== c, panned.cursor);
    expect(errors).toEqual([]);
  });

  it('respects reduced motion: zoom buttons jump instead of gliding', async () => {
    const { page } = await h.open(TOOLS, { reducedMotion: 'reduce' });
    await openRun(page);
    const changedAtOnce = await page.evaluate(() => {
      const tv = document.querySelector('live-example .tv') as HTMLElement;
      const before = tv.dataset.t1;
      (tv.querySelector('[data-tv="zoom-in"]') as HTMLButtonElement).click();
      return tv.dataset.t1 !== before;
    });
    expect(changedAtOnce).toBe(true);
  });

  it('filters: without system calls and scheduling, the cursor stops at other events only', async () => {
    const { page } = await h.open(TOOLS);
    const ex = await openRun(page);
    await ex.locator('.tv-filters summary').click();
    await ex.locator('input[data-filter="syscall"]').uncheck();
    await ex.locator('input[data-filter="sched"]').uncheck();
    await ex.locator('.tv-stage').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 10; i++) {
      const n = (await state(page)).narration;
      expect(n).not.toMatch(/ calls |sleeps in|wakes|switches to/);
      await page.keyboard.press('ArrowRight');
    }
    // The thread filter hides a lane.
    expect(await ex.locator('.tv-label', { hasText: 'writer · 2' }).count()).toBe(1);
    await ex.locator('input[data-filter="tid2"]').uncheck();
    expect(await ex.locator('.tv-label', { hasText: 'writer · 2' }).count()).toBe(0);
  });

  it('downloads the trace as Chrome Trace Event JSON and as strace text', async () => {
    const { page } = await h.open(TOOLS);
    const ex = await openRun(page);
    await ex.locator('.tv-downloads summary').click();
    const [json] = await Promise.all([page.waitForEvent('download'), ex.locator('[data-download="chrome"]').click()]);
    expect(json.suggestedFilename()).toBe('blocking-read.trace.json');
    const parsed = JSON.parse(await streamText(await json.createReadStream()));
    expect(parsed.traceEvents.some((e: { name: string; ph: string }) => e.name === 'read' && e.ph === 'X')).toBe(true);
    await ex.locator('.tv-downloads summary').click();
    const [text] = await Promise.all([page.waitForEvent('download'), ex.locator('[data-download="strace"]').click()]);
    expect(text.suggestedFilename()).toBe('blocking-read.strace.txt');
    expect(await streamText(await text.createReadStream())).toContain('read(3, "hello from the writer\\n", 64) = 22');
  });

  it('a run that hits the event cap says so and shows the partial trace', async () => {
    const { page } = await h.open(`${CHAPTER}?plain-editor`);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    await typeProgram(page, 0, `import { type Sys, type World, sec } from 'inside-io';
export const world: World = { until: sec(10), maxEvents: 3000 };
export async function main(sys: Sys) {
  for (;;) await sys.getpid();
}`);
    await runExample(page, 0);
    await ex.locator('.tv-cap').waitFor();
    expect(await ex.locator('.tv-cap').textContent()).toBe('The run was stopped at the cap of 3,000 trace events; the trace up to that point is shown.');
    expect(await ex.locator('.tv').getAttribute('data-events')).toBe('3000');
    expect(await ex.locator('.run-stop').getAttribute('data-stop')).toBe('cap');
  });
});

async function streamText(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
