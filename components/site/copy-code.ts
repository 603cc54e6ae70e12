// A "Copy" button on every static code block of a chapter (not the live examples,
// which have their own editor). Copying uses the Clipboard API where the page is a
// secure context (https, localhost) and falls back to a selection + execCommand on a
// plain-http course server, where navigator.clipboard does not exist.

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function addCopyButtons(root: ParentNode = document): void {
  const template = document.querySelector<HTMLTemplateElement>('template#copy-code-button');
  if (!template) return;
  const { copied, failed } = template.dataset;
  for (const pre of root.querySelectorAll<HTMLPreElement>('main pre.astro-code')) {
    if (pre.closest('live-example, .code-block')) continue;
    const wrap = document.createElement('div');
    wrap.className = 'code-block';
    pre.replaceWith(wrap);
    wrap.append(pre, template.content.cloneNode(true));
    const button = wrap.querySelector<HTMLButtonElement>('button')!;
    const label = button.querySelector<HTMLElement>('.copy-label')!;
    const original = label.textContent!;
    let timer = 0;
    button.addEventListener('click', async () => {
      const ok = await copyText(pre.querySelector('code')?.innerText ?? pre.innerText);
      label.textContent = ok ? copied! : failed!;
      button.dataset.state = ok ? 'copied' : 'failed';
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        label.textContent = original;
        delete button.dataset.state;
      }, 2500);
    });
  }
}
