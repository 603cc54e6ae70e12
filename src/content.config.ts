// The book's content: chapters in content/chapters/*.mdx (English, the default
// edition) and, for a translated edition, content/<path>/chapters/*.mdx with <path>
// listed in src/lib/languages.mjs. An entry's id keeps its folder
// ("chapters/02-blocking", "zh/chapters/02-blocking"): src/lib/book.ts derives the
// language and the URL from it.
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({
    pattern: ['chapters/*.mdx', '*/chapters/*.mdx'],
    base: './content',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: z.object({
    title: z.string(),
    /** Position in the book; the appendix uses numbers ≥ 100. */
    order: z.number(),
    /** One sentence for the home page and the chapter list. */
    summary: z.string(),
    /** The question the chapter answers. */
    question: z.string().optional(),
    /** Label instead of "Chapter N" (e.g. "Appendix"). */
    label: z.string().optional(),
  }),
});

export const collections = { chapters };
