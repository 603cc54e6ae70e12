// Links between the book's pages: every relative link in a chapter, "../<chapter>/" or
// "../<chapter>/#<anchor>" or "#<anchor>", must name a chapter that exists and a heading
// (or an element id) that it has, so a renamed heading cannot silently break the
// appendix's references into the chapters.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';

const DIR = new URL('../content/chapters/', import.meta.url).pathname;
const chapters = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [f.replace(/\.mdx$/, ''), readFileSync(join(DIR, f), 'utf8')] as const),
);

/** The ids of a chapter's headings, as the site renders them (github-slugger over the heading's text). */
function anchors(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const body = source.replace(/^---[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '');
  for (const line of body.split('\n')) {
    const m = /^#{2,6} (.+)$/.exec(line);
    if (!m) continue;
    const text = m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
      .replace(/[`*]/g, '') // code spans and emphasis keep their text
      .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2');
    ids.add(slugger.slug(text));
  }
  for (const m of body.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  return ids;
}

describe('links between chapters', () => {
  it('every relative link names an existing chapter and one of its headings', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [id, source] of chapters) {
      const body = source.replace(/```[\s\S]*?```/g, '');
      for (const m of body.matchAll(/\]\((\.\.\/([\w-]+)\/)?(#[\w-]+)?\)/g)) {
        const target = m[2] ?? id;
        const anchor = m[3]?.slice(1);
        if (!m[1] && !anchor) continue;
        checked++;
        const page = chapters.get(target);
        if (!page) broken.push(`${id}: ${m[0]} (no chapter "${target}")`);
        else if (anchor && !anchors(page).has(anchor)) broken.push(`${id}: ${m[0]} (no heading "#${anchor}" in ${target})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('computes anchors the way the site does', () => {
    const a = anchors('## Between callbacks: process.nextTick() and promises\n### FD_SETSIZE: a limit on descriptor *numbers*\n## What `epoll_wait` copies\n');
    expect([...a]).toEqual(['between-callbacks-processnexttick-and-promises', 'fd_setsize-a-limit-on-descriptor-numbers', 'what-epoll_wait-copies']);
  });
});
