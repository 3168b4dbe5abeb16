import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './browsers';

// axe-core, run inside a page of either browser. The script is handed to the page by
// the debugging protocol, so extension pages' CSP (no inline or eval'd script) does
// not stop it, and nothing is added to the extension itself.

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The WCAG 2.x A and AA violations on the page (or under selector), as "rule: target" lines. */
export async function axeViolations(page: TestPage, selector?: string): Promise<string[]> {
  await page.evaluateSource(source);
  const violations = await page.evaluate(async (selector) => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: (v as unknown as { nodes: { target: string[] }[] }).nodes.map((n) => n.target.join(' ')),
    }));
  }, selector);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}
