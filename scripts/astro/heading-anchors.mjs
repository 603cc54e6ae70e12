// A rehype plugin: every h2–h4 with an id gets a "#" link to itself, so readers can
// copy a link to any section. It runs after Astro's rehypeHeadingIds (ids and the
// table of contents come from there). The link's text is hidden from search indexing
// and from the heading's text in the table of contents.

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** @param {{ label: (heading: string, file: string | undefined) => string }} options */
export function headingAnchors({ label }) {
  return () => (tree, file) => {
    walk(tree, (node) => {
      if (node.type !== 'element' || !/^h[234]$/.test(node.tagName)) return;
      const id = node.properties?.id;
      const cls = node.properties?.className ?? [];
      if (!id || (Array.isArray(cls) && cls.includes('sr-only'))) return;
      const text = textOf(node).trim();
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['anchor'], href: `#${id}`, ariaLabel: label(text, file?.path), dataPagefindIgnore: '' },
        children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
      });
    });
  };
}
