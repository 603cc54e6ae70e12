// What readers do with a live example: read it without JavaScript, run it, edit it,
// break it, reset it, reload the page.
import { describe, it, expect } from 'vitest';
import { useHarness, runExample, typeProgram, traceEvents, CHAPTER } from './harness';

const h = useHarness();

describe('a chapter with live examples', () => {
  it('renders code and a pre-rendered trace with JavaScript disabled', async () => {
    const { page } = await h.open(CHAPTER, { javaScriptEnabled: false });
    const ex = page.locator('live-example').first();
    expect(await ex.locator('.ex-code .line').count()).toBeGreaterThan(15);
    expect(await ex.locator('.ex-code').textContent()).toContain('await sys.read(fds[0], buf)');
    expect(await ex.locator('.timeline .lane-svg rect').count()).toBeGreaterThan(5);
    expect(await ex.locator('.tl-label').allTextContents()).toEqual(expect.arrayContaining(['CPU 0', 'CPU 1', 'main · 1', 'writer · 2']));
    expect(await ex.locator('[data-counter="syscalls"] dd').textContent()).toMatch(/^\d+/);
    expect(await ex.locator('.strace pre').textContent()).toContain('read(3, "hello from the writer\\n", 64) = 22');
    expect(await ex.locator('.trace-output').textContent()).toContain('read returned 22: hello from the writer');
    // Without JavaScript there are no buttons that would not work.
    expect(await ex.locator('.ex-toolbar').isVisible()).toBe(false);
  });

  it('Run redraws the trace, and for unedited code it is identical to the build-time trace', async () => {
    const { page, errors } = await h.open(CHAPTER);
    for (const i of [0, 1]) {
      const ex = page.locator('live-example').nth(i);
      await ex.locator('.ex-trace').evaluate((el) => (el.innerHTML = ''));
      await runExample(page, i);
      const { hash, ran } = await ex.evaluate((el: HTMLElement) => ({ hash: el.dataset.hash, ran: el.dataset.ranHash }));
      expect(ran).toBe(hash);
      expect(await ex.locator('.ex-status').textContent()).toMatch(/identical to the pre-rendered one/);
      expect(await traceEvents(ex)).toBeGreaterThan(5);
    }
    expect(errors).toEqual([]);
  });

  it('Edit loads the editor only on demand; a changed program runs and shows its new behaviour', async () => {
    const { page, errors } = await h.open(CHAPTER);
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    const monacoStyles = await page.locator('style[data-monaco]').count();
    expect(monacoStyles).toBe(0);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('hello from the writer', 'a changed message').replace('us(200)', 'us(600)'));
    await runExample(page, 0);
    expect(await ex.locator('.trace-output').textContent()).toContain('read returned 18: a changed message');
    expect(await ex.locator('.ex-status').textContent()).toMatch(/edited program/);
    // The reader waited about 600 µs now, not 200 µs.
    expect(await ex.locator('[data-counter="duration"] dd').textContent()).toMatch(/^6\d\d(\.\d+)? µs$/);
    expect(errors).toEqual([]);
  });

  it('edits survive a reload, and Reset brings back the original', async () => {
    const { page } = await h.open(CHAPTER);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('hello from the writer', 'kept across reloads'));
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('inside-io:edit:')));
    await page.reload();
    const again = page.locator('live-example').first();
    expect(await again.locator('.ex-code').textContent()).toContain('kept across reloads');
    expect(await again.locator('[data-action="reset"]').isVisible()).toBe(true);
    await runExample(page, 0);
    expect(await again.locator('.trace-output').textContent()).toContain('kept across reloads');
    await again.locator('[data-action="reset"]').click();
    expect(await again.locator('.ex-code').textContent()).toContain('hello from the writer');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('inside-io:edit:')).length)).toBe(0);
  });

  it('a syntax error and a type error show their line and message, and nothing runs', async () => {
    const { page } = await h.open(CHAPTER);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('const n = await sys.read(fds[0], buf);', 'const n = await sys.read(fds[0], buf;'));
    await ex.locator('[data-action="run"]').click();
    await ex.locator('.ex-problems li').first().waitFor();
    expect(await ex.locator('.ex-problems').textContent()).toMatch(/line 20: Syntax error: .*'\)' expected/);
    await typeProgram(page, 0, original.replace('await sys.read(fds[0], buf)', 'await sys.read("three", buf)'));
    await ex.locator('[data-action="run"]').click();
    await page.waitForFunction(() => /Type error/.test(document.querySelector('live-example .ex-problems')?.textContent ?? ''));
    expect(await ex.locator('.ex-problems').textContent()).toMatch(/line 20: Type error: Argument of type 'string' is not assignable to parameter of type 'number'/);
  });

  it('an exception shows its message and marks the line that threw', async () => {
    const { page } = await h.open(CHAPTER);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('  const n = await sys.read(fds[0], buf);', '  const n = await sys.read(fds[0], buf);\n  if (n > 0) throw new Error("the reader gave up");'));
    await runExample(page, 0);
    expect(await ex.locator('.run-error').textContent()).toContain('Uncaught Error: the reader gave up line 21');
    expect(await ex.locator('.monaco-line-mark').count()).toBeGreaterThan(0);
  });

  it('an infinite loop is stopped within about 2 s, the page stays responsive, and the next run works', async () => {
    const { page } = await h.open(CHAPTER);
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('.monaco-editor').waitFor();
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('  const n = await sys.read(fds[0], buf);', '  while (true) {}\n  const n = await sys.read(fds[0], buf);'));
    const t0 = Date.now();
    await ex.locator('[data-action="run"]').click();
    // The page answers while the worker spins.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.waitForFunction(() => /infinite loop/.test(document.querySelector('live-example .ex-status')?.textContent ?? ''), null, { timeout: 10_000 });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThan(1500);
    expect(took).toBeLessThan(6000);
    await typeProgram(page, 0, original);
    await runExample(page, 0);
    expect(await ex.locator('.trace-output').textContent()).toContain('hello from the writer');
  });

  it('on a phone, Edit gives a plain editor that runs the edited code', async () => {
    const { page, errors } = await h.open(CHAPTER, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const ex = page.locator('live-example').first();
    await ex.locator('[data-action="edit"]').click();
    await ex.locator('textarea.plain-editor').waitFor();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    const original = await ex.evaluate((el: HTMLElement & { data: { source: string } }) => el.data.source);
    await typeProgram(page, 0, original.replace('hello from the writer', 'typed on a phone'));
    await runExample(page, 0);
    expect(await ex.locator('.trace-output').textContent()).toContain('typed on a phone');
    await typeProgram(page, 0, original.replace('const buf = ', 'const buf = ('));
    await ex.locator('[data-action="run"]').click();
    await ex.locator('.ex-problems li').first().waitFor();
    expect(await ex.locator('.ex-problems').textContent()).toMatch(/line 19: Syntax error/);
    expect(errors).toEqual([]);
  });
});
