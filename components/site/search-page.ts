// The search page: runs the query in ?q= and shows every result with its sections.
import { loadPagefind, search, renderResult, statusText } from './search-client';

export function runSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  if (!form) return;
  const strings = JSON.parse(form.dataset.strings!);
  const input = form.querySelector('input')!;
  const status = document.querySelector<HTMLElement>('.search-page .search-status')!;
  const list = document.querySelector<HTMLElement>('.search-page-results')!;
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = q;
  if (!q) return input.focus();
  status.textContent = strings.loading;
  loadPagefind(form.dataset.pagefind!, form.dataset.base!)
    .then((pf) => search(pf, q, 50))
    .then((results) => {
      if (!results) return;
      list.innerHTML = results.map((r) => renderResult(r, 4)).join('');
      status.textContent = statusText(strings, q, results.length);
      document.title = `${q} — ${document.title}`;
    })
    .catch(() => (status.textContent = strings.unavailable));
}
