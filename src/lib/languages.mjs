// The book's editions by language. The first is the default: its pages have no
// language prefix (/chapters/...). A translation gets its chapters in
// content/<path>/chapters/*.mdx, its pages under /<path>/, and its interface strings
// in a dictionary registered in components/strings.ts. Used by astro.config.mjs
// (Astro's i18n routing) and by src/lib/book.ts.

/** @typedef {{ path: string, tag: string, name: string }} Language */

/** @type {Language[]} */
export const languages = [
  { path: 'en', tag: 'en', name: 'English' },
  // Planned: { path: 'zh', tag: 'zh-Hans', name: '简体中文' },
];

export const defaultLanguage = languages[0];
