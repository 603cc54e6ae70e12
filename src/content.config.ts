// The book's content: chapters in content/chapters/*.mdx. The `lang` field and the
// collection layout leave room for a translated edition (content/<lang>/chapters).
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string(),
    /** Position in the book; the appendix uses numbers ≥ 100. */
    order: z.number(),
    /** One sentence for the home page and the chapter list. */
    summary: z.string(),
    /** The question the chapter answers. */
    question: z.string().optional(),
    lang: z.string().default('en'),
    /** Label instead of "Chapter N" (e.g. "Appendix"). */
    label: z.string().optional(),
  }),
});

export const collections = { chapters };
