// Measures each chapter against the book's standard: prose words (code, components,
// tables and the Sources section excluded), live examples, exercises, figures,
// sources. `npx tsx scripts/chapter-stats.ts` prints a table; tests/chapters.test.ts
// enforces the minimums.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ChapterStats {
  file: string;
  order: number;
  words: number;
  examples: number;
  exercises: number;
  predictions: number;
  comparisons: number;
  figures: number;
  sources: number;
}

const CHAPTERS = 'content/chapters';

export function proseWords(mdx: string): number {
  let s = mdx.replace(/^---[\s\S]*?\n---\n/, ''); // frontmatter
  s = s.replace(/```[\s\S]*?```/g, ' '); // code fences
  s = s.split(/\n##\s+Sources\b/)[0]!; // the Sources section and what follows
  s = s.replace(/^\[\^[^\]]+\]:.*$/gm, ' '); // footnote definitions
  s = s.replace(/<([A-Z][\w.]*)[^>]*?\/>/gs, ' '); // self-closing components
  s = s.replace(/<([A-Z][\w.]*)[\s\S]*?<\/\1>/g, ' '); // components with children
  s = s.replace(/<[^>]+>/g, ' '); // other tags
  s = s.replace(/^\|.*\|$/gm, ' '); // tables
  s = s.replace(/`[^`]*`/g, 'x'); // inline code counts as one word
  s = s.replace(/^import .*$/gm, ' ');
  return (s.match(/[A-Za-z0-9][A-Za-z0-9’'-]*/g) ?? []).length;
}

function count(re: RegExp, s: string): number {
  return (s.match(re) ?? []).length;
}

export function chapterStats(file: string): ChapterStats {
  const mdx = readFileSync(join(CHAPTERS, file), 'utf8');
  const order = Number(/^order:\s*(\d+)/m.exec(mdx)?.[1] ?? NaN);
  const sources = mdx.split(/\n##\s+Sources\b/)[1] ?? '';
  return {
    file,
    order,
    words: proseWords(mdx),
    examples: count(/<LiveExample\b/g, mdx),
    exercises: count(/<(Exercise|Predict)\b/g, mdx),
    predictions: count(/<Predict\b/g, mdx),
    comparisons: count(/<(Compare|ScalingChart)\b|\binspect=/g, mdx),
    figures: count(/<Figure\b|<figure\b|<svg\b|<[A-Z]\w*Figure\b/g, mdx),
    sources: count(/^\[\^[^\]]+\]:|^\s*[-*]\s+\S|^\d+\.\s+\S/gm, sources),
  };
}

export function allChapterStats(): ChapterStats[] {
  return readdirSync(CHAPTERS)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map(chapterStats);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = allChapterStats();
  console.log('chapter                         words  examples  exercises(predict)  compare/inspect  figures  sources');
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(30)} ${String(r.words).padStart(6)}  ${String(r.examples).padStart(8)}  ${String(r.exercises).padStart(9)}(${r.predictions})  ${String(r.comparisons).padStart(15)}  ${String(r.figures).padStart(7)}  ${String(r.sources).padStart(7)}`,
    );
  }
}
