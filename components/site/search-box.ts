// The part of search every page loads: a few lines that load the real thing
// (search-client.ts and Pagefind) when the search box is focused, and the "/" shortcut.

export function wireSearchBoxes(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-site-search]')) {
    const input = form.querySelector('input')!;
    const start = () => void import('./search-client').then((m) => m.attachSearch(form));
    input.addEventListener('focus', start, { once: true });
    // Typed before focus fired (autofocus, restored form state): start anyway.
    if (document.activeElement === input) start();
  }
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.closest('.monaco-editor'))) return;
    const input = document.querySelector<HTMLInputElement>('[data-site-search] input');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}
