// The book's table of contents and URLs, derived from the chapters collection.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

export async function chapters(): Promise<Chapter[]> {
  const all = await getCollection('chapters');
  return all.sort((a: Chapter, b: Chapter) => a.data.order - b.data.order);
}

/** A path inside the site, under the base path an instructor chose. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${base}${p}`;
}

export function chapterUrl(c: Chapter): string {
  return url(`/chapters/${c.id}/`);
}

export function chapterLabel(c: Chapter): string {
  return c.data.label ?? `Chapter ${c.data.order}`;
}
