// A rehype plugin that makes a chapter's relative links to its sibling pages
// ("../06-multiplexing/#epoll", "../102-glossary/#reactor") absolute, under the base path
// and the chapter's language. Written relative, they would work on a chapter's own page
// (/chapters/07-reactor/) but point nowhere on the whole-book page (/book/), which
// renders the same content one level elsewhere.
function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** "../06-multiplexing/#x" → "<base><lang>chapters/06-multiplexing/#x"; anything else unchanged. */
export function absoluteChapterHref(href, chaptersRoot) {
  if (typeof href !== 'string' || !href.startsWith('../')) return href;
  const rest = href.slice(3);
  if (rest.startsWith('../')) return href; // leaves the chapters folder: not ours to guess
  return chaptersRoot + rest;
}

/**
 * @param {{ base: string, chaptersRootOf: (file: string | undefined) => string }} options
 *   chaptersRootOf gives, for a Markdown file, the URL of its edition's chapters folder.
 */
export function chapterLinks({ chaptersRootOf }) {
  // A unified attacher: called once with the processor, it returns the transformer.
  return () => (tree, file) => {
    const root = chaptersRootOf(file?.path);
    walk(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') {
        node.properties.href = absoluteChapterHref(node.properties.href, root);
      }
      // <a href="..."> written as JSX inside MDX.
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
        for (const a of node.attributes ?? []) {
          if (a.type === 'mdxJsxAttribute' && a.name === 'href' && typeof a.value === 'string') a.value = absoluteChapterHref(a.value, root);
        }
      }
    });
  };
}
