// A rehype plugin that makes a chapter's relative links ("../06-multiplexing/#epoll",
// "../102-glossary/#reactor", "../../playground/") absolute: resolved against the
// chapter's own address, under the base path and the chapter's language. Written
// relative, they work on the chapter's page (/chapters/07-reactor/) but would point
// elsewhere on the whole-book page (/book/), which renders the same content at another
// depth.
function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** `href` resolved against the page at `pagePath` ("/os101/io/chapters/07-reactor/"), if it is relative. */
export function absoluteHref(href, pagePath) {
  if (typeof href !== 'string' || !/^\.\.?\//.test(href)) return href;
  const u = new URL(href, `http://book.invalid${pagePath}`);
  return u.pathname + u.search + u.hash;
}

/**
 * @param {{ pageOf: (file: string | undefined) => string | undefined }} options
 *   pageOf gives, for a Markdown file, the path of the page it becomes (undefined: leave it alone).
 */
export function chapterLinks({ pageOf }) {
  // A unified attacher: called once with the processor, it returns the transformer.
  return () => (tree, file) => {
    const page = pageOf(file?.path);
    if (!page) return;
    walk(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') {
        node.properties.href = absoluteHref(node.properties.href, page);
      }
      // <a href="..."> written as JSX inside MDX.
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
        for (const a of node.attributes ?? []) {
          if (a.type === 'mdxJsxAttribute' && a.name === 'href' && typeof a.value === 'string') a.value = absoluteHref(a.value, page);
        }
      }
    });
  };
}
