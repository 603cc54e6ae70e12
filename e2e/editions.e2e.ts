// The instructor edition (dist-course/, EDITION=instructor) has the exercise solutions
// and instructor notes; the reader edition (dist/, the default) has none of them: not
// in any page, not in any script, not in the search index.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, guardedContext } from './browser';
import { serveDist, type StaticServer } from './static-server';
import { COURSE_DIR, COURSE_BASE } from './course-build';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const htmlPages = (dir: string) => files(dir).filter((f) => f.endsWith('.html'));
const textFiles = (dir: string) => files(dir).filter((f) => /\.(html|js|json|css)$/.test(f));

/** Every piece of instructor material in a build: the text of each [data-instructor-only] element (`notes`: only the prose notes). */
function instructorTexts(dir: string, notes = false): string[] {
  const out: string[] = [];
  for (const f of htmlPages(dir)) {
    const html = readFileSync(f, 'utf8');
    for (const m of html.matchAll(/<(aside|div|details)\b[^>]*data-instructor-only[^>]*>([\s\S]*?)<\/\1>/g)) {
      // The material itself, not the interface around it (summaries, buttons: strings every edition has).
      const body = m[2]!.replace(/<(summary|button)\b[\s\S]*?<\/\1>/g, ' ').replace(/<p class="instructor-note-title">[\s\S]*?<\/p>/g, ' ');
      const text = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      if (text && (!notes || m[1] === 'aside')) out.push(text);
    }
  }
  return out;
}

/** Five consecutive plain words (no markup, numbers or symbols in them), from the middle of a text on. */
function phrase(text: string): string {
  const words = text.split(' ');
  const plain = (w: string) => /^[A-Za-z]+$/.test(w);
  for (let i = Math.floor(words.length / 2); i + 5 <= words.length; i++) {
    if (words.slice(i, i + 5).every(plain)) return words.slice(i, i + 5).join(' ');
  }
  for (let i = 0; i + 5 <= words.length; i++) if (words.slice(i, i + 5).every(plain)) return words.slice(i, i + 5).join(' ');
  return '';
}

async function searchHits(page: Page, server: StaticServer, q: string): Promise<number> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /results? for|No results/.test(document.querySelector('.search-page .search-status')?.textContent ?? ''));
  return page.locator('.search-page-results > li').count();
}

describe('editions', () => {
  let browser: Browser;
  let reader: StaticServer;
  let instructor: StaticServer;
  beforeAll(async () => {
    browser = await launch();
    reader = await serveDist('dist');
    instructor = await serveDist(COURSE_DIR, COURSE_BASE);
  });
  afterAll(async () => {
    await browser?.close();
    await reader?.close();
    await instructor?.close();
  });

  it('the instructor edition has instructor material, says so on every page, and the reader edition has none of it', () => {
    expect(instructorTexts(COURSE_DIR).length).toBeGreaterThan(instructorTexts(COURSE_DIR, true).length); // notes and solutions
    // Prose notes are distinctive: not a phrase of them may appear anywhere in the reader build.
    // (A solution's code may share lines with the exercise's starting program, so solutions are
    // checked by their absence above and below, not by phrase.)
    const notes = instructorTexts(COURSE_DIR, true);
    expect(notes.length).toBeGreaterThan(0);
    for (const f of htmlPages(COURSE_DIR)) expect(readFileSync(f, 'utf8'), f).toContain('data-edition="instructor"');
    expect(instructorTexts('dist')).toEqual([]);
    const everything = textFiles('dist').map((f) => readFileSync(f, 'utf8'));
    for (const note of notes) {
      const p = phrase(note);
      expect(p.split(' ').length, `no five plain words in a row in “${note}”`).toBe(5);
      expect(everything.filter((t) => t.includes(p)).length, `“${p}” leaked into the reader edition`).toBe(0);
    }
    for (const f of htmlPages('dist')) expect(readFileSync(f, 'utf8')).not.toMatch(/data-edition="instructor"|Instructor edition/);
  });

  it('search finds instructor notes in the instructor edition only', async () => {
    const { context } = await guardedContext(browser);
    const page = await context.newPage();
    const p = `"${phrase(instructorTexts(COURSE_DIR, true)[0]!)}"`;
    expect(await searchHits(page, instructor, p)).toBeGreaterThan(0);
    expect(await searchHits(page, reader, p)).toBe(0);
    await context.close();
  });
});
