// Hints given as plain strings may use `code` in backticks; everything else is text.
import { esc } from '../trace/escape';

export function inlineMarkdown(s: string): string {
  return s
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');
}
