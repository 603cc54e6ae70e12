// axe-core in the page (injected from node_modules, not fetched), with violations
// formatted so that a failing test says what and where.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: AxeNode[];
}

/**
 * Run axe on the page (every rule: WCAG 2.x A and AA and axe's best practices, or only
 * `rules`); returns one line per violating element.
 */
export async function axeViolations(page: Page, label: string, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return r.violations;
  }, rules);
  return violations.flatMap((v: AxeViolation) =>
    v.nodes.slice(0, 5).map((n) => `${label}: [${v.impact}] ${v.id} — ${v.help} — ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
  );
}
