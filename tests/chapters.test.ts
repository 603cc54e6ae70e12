// Every chapter meets the book's standard: at least 3,000 words of prose, 4 live
// examples, a comparison, sweep or inspector, 3 exercises of which one is a
// prediction, a figure, and 5 sources. (The appendix and the guide to traces are not
// chapters.) `npx tsx scripts/chapter-stats.ts` prints the same figures as a table.
import { describe, it, expect } from 'vitest';
import { allChapterStats } from '../scripts/chapter-stats.js';

const chapters = allChapterStats().filter((c) => /^0\d-/.test(c.file));

describe('every chapter meets the standard', () => {
  it('there are the seven chapters, in order', () => {
    expect(chapters.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  for (const c of chapters) {
    it(c.file, () => {
      expect(c.words, 'words of prose').toBeGreaterThanOrEqual(3000);
      expect(c.examples, 'live examples').toBeGreaterThanOrEqual(4);
      expect(c.comparisons, 'comparisons, sweeps or inspectors').toBeGreaterThanOrEqual(1);
      expect(c.exercises, 'exercises and predictions').toBeGreaterThanOrEqual(3);
      expect(c.predictions, 'predict-then-reveal questions').toBeGreaterThanOrEqual(1);
      expect(c.figures, 'figures').toBeGreaterThanOrEqual(1);
      expect(c.sources, 'sources').toBeGreaterThanOrEqual(5);
    });
  }
});
