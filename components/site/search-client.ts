// Search, loaded when a reader first focuses a search box: Pagefind's library and
// index from <base>/pagefind/ (made at build time), results as a list of links.

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

interface Strings {
  loading: string;
  none: string;
  some: string;
  one: string;
  unavailable: string;
}

let loading: Promise<Pagefind> | null = null;

/** Pagefind's own script, from this site (never a CDN), configured for the base path. */
export function loadPagefind(src: string, base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const pf = (await import(/* @vite-ignore */ src)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 22 });
    await pf.init();
    return pf;
  })();
  return loading;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' })[c]};`);

/** Pagefind excerpts are escaped text with <mark> around the hits; keep only that. */
const safeExcerpt = (s: string) => escapeHtml(s.replace(/<\/?mark>/g, '\u0001')).replace(/\u0001([^\u0001]*)\u0001/g, '<mark>$1</mark>').replace(/\u0001/g, '');

export async function search(pf: Pagefind, q: string, limit: number): Promise<PagefindData[] | null> {
  const found = await pf.debouncedSearch(q, {}, 120);
  if (found === null) return null; // a newer query replaced this one
  return Promise.all(found.results.slice(0, limit).map((r) => r.data()));
}

/** One result: the page, and up to `sections` of its matching sections. */
export function renderResult(d: PagefindData, sections: number): string {
  const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url).slice(0, sections);
  const title = escapeHtml(d.meta.title ?? d.url);
  const items = subs.map((s) => `<li><a href="${escapeHtml(s.url)}"><span class="sr-title">${escapeHtml(s.title)}</span><span class="sr-excerpt">${safeExcerpt(s.excerpt)}</span></a></li>`).join('');
  return `<li class="sr-page"><a href="${escapeHtml(d.url)}"><span class="sr-title">${title}</span>${subs.length ? '' : `<span class="sr-excerpt">${safeExcerpt(d.excerpt)}</span>`}</a>${items ? `<ul>${items}</ul>` : ''}</li>`;
}

export function statusText(strings: Strings, q: string, n: number): string {
  const t = n === 0 ? strings.none : n === 1 ? strings.one : strings.some;
  return t.replace('{q}', q).replace('{n}', String(n));
}

/** The header's search box: results in a panel under it. */
export function attachSearch(form: HTMLFormElement): void {
  if (form.dataset.attached) return;
  form.dataset.attached = '1';
  const strings = JSON.parse(form.dataset.strings!) as Strings;
  const input = form.querySelector('input')!;
  const panel = form.querySelector<HTMLElement>('.search-panel')!;
  const status = panel.querySelector<HTMLElement>('.search-status')!;
  const list = panel.querySelector<HTMLElement>('.search-results')!;
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const open = (yes: boolean) => {
    panel.hidden = !yes;
    form.classList.toggle('search-open', yes);
  };
  const pf = loadPagefind(form.dataset.pagefind!, form.dataset.base!);
  pf.catch(() => {
    status.textContent = strings.unavailable;
    open(true);
  });

  const update = async () => {
    const q = input.value.trim();
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return open(false);
    }
    open(true);
    if (!list.childElementCount) status.textContent = strings.loading;
    const results = await search(await pf, q, 6);
    if (results === null || q !== input.value.trim()) return;
    list.innerHTML = results.map((r) => renderResult(r, 2)).join('');
    status.textContent = statusText(strings, q, results.length);
  };
  input.addEventListener('input', () => void update().catch(() => (status.textContent = strings.unavailable)));
  if (input.value) void update();

  form.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      open(false);
      if (document.activeElement !== input) {
        escaped = true;
        input.focus();
      }
    } else if (e.key === 'ArrowDown' && panel.hidden && input.value.trim()) {
      e.preventDefault();
      open(true);
    } else if (e.key === 'ArrowDown' && all.length) {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]!.focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      (i === 0 ? input : all[i - 1]!).focus();
    }
  });
  // Coming back to the box shows the results again, unless Esc just closed them.
  let escaped = false;
  input.addEventListener('focus', () => {
    if (input.value.trim() && !escaped) open(true);
    escaped = false;
  });
  // Close when focus or a click goes elsewhere.
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) open(false);
  });
}
