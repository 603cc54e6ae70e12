// The book's table of contents and URLs, derived from the chapters collection.
import { getCollection, type CollectionEntry } from 'astro:content';
import { languages, defaultLanguage, type Language } from './languages.mjs';
import { uiFor } from '../../components/strings';

export type Chapter = CollectionEntry<'chapters'>;
export type { Language };

/** The edition a chapter belongs to: content/chapters is the default language, content/<path>/chapters another. */
export function chapterLanguage(c: Chapter): Language {
  const folder = c.id.split('/')[0];
  return languages.find((l) => l.path === folder) ?? defaultLanguage;
}

/** The last part of the chapter's file name, used in its URL: "02-blocking". */
export function chapterSlug(c: Chapter): string {
  return c.id.split('/').pop()!;
}

/** The chapters of one edition, in reading order. */
export async function chapters(lang: Language = defaultLanguage): Promise<Chapter[]> {
  const all = await getCollection('chapters', (c: Chapter) => chapterLanguage(c) === lang);
  return all.sort((a: Chapter, b: Chapter) => a.data.order - b.data.order);
}

/** Languages other than the default that have at least one chapter. */
export async function translations(): Promise<Language[]> {
  const out: Language[] = [];
  for (const l of languages.slice(1)) if ((await chapters(l)).length > 0) out.push(l);
  return out;
}

/** A path inside the site, under the base path an instructor chose. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${base}${p}`;
}

/** A path inside one language's edition: the default language has no prefix. */
export function langUrl(lang: Language, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return url(lang === defaultLanguage ? p : `/${lang.path}${p}`);
}

export function chapterUrl(c: Chapter): string {
  return langUrl(chapterLanguage(c), `/chapters/${chapterSlug(c)}/`);
}

export function chapterLabel(c: Chapter): string {
  return c.data.label ?? uiFor(chapterLanguage(c).path).chapterLabel(c.data.order);
}
