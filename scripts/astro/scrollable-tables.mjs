// A rehype plugin for Markdown tables. They scroll sideways on narrow screens
// (global.css), so each one is made focusable, letting keyboard users scroll it (WCAG
// 2.1.1; axe's scrollable-region-focusable). And an empty top-left cell (`| | A | B |`)
// is not a column header: it becomes a plain cell, so screen readers do not announce an
// unnamed header (axe's empty-table-header).
function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

export function scrollableTables() {
  return (tree) => {
    walk(tree, (node) => {
      if (node.type !== 'element') return;
      if (node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
      if (node.tagName === 'th' && !textOf(node).trim()) node.tagName = 'td';
    });
  };
}
