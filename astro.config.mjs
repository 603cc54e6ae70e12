// The book's site. BASE_PATH lets an instructor host it under a sub-path
// (BASE_PATH=/os101/io/ npm run build); every link, asset and worker follows it.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { monacoCssInline } from './scripts/vite/monaco-css-inline.mjs';
import { simDeclarations } from './scripts/vite/sim-declarations.mjs';

const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory', assets: 'assets' },
  integrations: [mdx()],
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  devToolbar: { enabled: false },
  vite: {
    resolve: { alias: { 'inside-io': fileURLToPath(new URL('./sim/index.ts', import.meta.url)) } },
    worker: { format: 'es' },
    plugins: [monacoCssInline(), simDeclarations()],
    build: { chunkSizeWarningLimit: 8000 },
  },
});
