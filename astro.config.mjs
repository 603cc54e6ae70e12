// The book's site. Two build-time settings, both from the environment:
// - BASE_PATH lets an instructor host it under a sub-path (BASE_PATH=/os101/io/ npm run build);
//   every link, asset, worker and the search index follow it.
// - EDITION=instructor builds the instructor edition, with exercise solutions and
//   instructor notes; the default ("reader") leaves them out of every page and of the search index.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { monacoCssInline } from './scripts/vite/monaco-css-inline.mjs';
import { simDeclarations } from './scripts/vite/sim-declarations.mjs';
import { headingAnchors } from './scripts/astro/heading-anchors.mjs';
import { scrollableTables } from './scripts/astro/scrollable-tables.mjs';
import { chapterLinks } from './scripts/astro/chapter-links.mjs';
import { pagefind } from './scripts/astro/pagefind.mjs';
import { languages, defaultLanguage } from './src/lib/languages.mjs';
import { uiFor } from './components/strings.ts';
import { codeThemes } from './components/code-themes.ts';

let base = process.env.BASE_PATH || '/';
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;

const edition = process.env.EDITION || 'reader';
if (edition !== 'reader' && edition !== 'instructor') throw new Error(`EDITION must be "reader" or "instructor", not "${edition}".`);

/** The language of a Markdown file, from its folder (content/<path>/chapters/ for a translation). */
function languageOfFile(path = '') {
  const folder = /content\/([^/]+)\/chapters\//.exec(path)?.[1];
  return languages.find((l) => l.path === folder) ?? defaultLanguage;
}

/** The address of the page a chapter's file becomes: <base>[<lang>/]chapters/<name>/. */
function chapterPageOf(path = '') {
  const m = /content\/(?:[^/]+\/)?chapters\/([^/]+)\.mdx?$/.exec(path);
  if (!m) return undefined;
  const lang = languageOfFile(path);
  return `${base}${lang === defaultLanguage ? '' : `${lang.path}/`}chapters/${m[1]}/`;
}

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', assets: 'assets' },
  i18n: {
    defaultLocale: defaultLanguage.path,
    locales: languages.map((l) => l.path),
    routing: { prefixDefaultLocale: false },
  },
  integrations: [mdx(), pagefind()],
  markdown: {
    shikiConfig: { themes: codeThemes, defaultColor: false },
    rehypePlugins: [
      rehypeHeadingIds,
      scrollableTables,
      chapterLinks({ pageOf: chapterPageOf }),
      headingAnchors({ label: (heading, file) => uiFor(languageOfFile(file).path).anchorLabel(heading) })],
  },
  devToolbar: { enabled: false },
  vite: {
    resolve: { alias: { 'inside-io': fileURLToPath(new URL('./sim/index.ts', import.meta.url)) } },
    worker: { format: 'es' },
    plugins: [monacoCssInline(), simDeclarations()],
    // A plain constant: defining an import.meta.env key would replace Astro's own (BASE_URL).
    define: { __INSIDE_IO_EDITION__: JSON.stringify(edition) },
    build: { chunkSizeWarningLimit: 8000 },
  },
});
