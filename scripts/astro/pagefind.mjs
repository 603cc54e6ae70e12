// Full-text search: after `astro build`, Pagefind indexes the built pages and writes
// its index and its small search library to <outDir>/pagefind/. Only what is inside
// [data-pagefind-body] (a chapter's text and code) is indexed; the pre-rendered traces
// are left out (their strace logs would drown the prose). Runs at build time only:
// readers' browsers load the index when they focus the search box.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createIndex, close } from 'pagefind';

export function pagefind() {
  return {
    name: 'inside-io:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          excludeSelectors: ['.ex-trace', '.ex-toolbar', '.ex-file', '.anchor', 'nav', '.footnotes h2.sr-only'],
          includeCharacters: '_',
        });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await close();
        logger.info(`indexed ${added.page_count} page(s) for search`);
      },
    },
  };
}
