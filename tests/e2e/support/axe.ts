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

export interface AxeReport {
  /** Violations, as "rule (impact): help at targets" lines. */
  violations: string[];
  /** How many nodes each rule checked and passed: proof that a rule really looked. */
  passes: Record<string, number>;
}

/** Runs the WCAG 2.x A and AA rules (and best practices) on the page, or under selector. */
export async function axeReport(page: TestPage, selector?: string): Promise<AxeReport> {
  await page.evaluateSource(source);
  const result = await page.evaluate(async (selector) => {
    type Rule = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: object): Promise<{ violations: Rule[]; passes: Rule[] }> };
      }
    ).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return {
      violations: result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
      passes: Object.fromEntries(result.passes.map((p) => [p.id, p.nodes.length])),
    };
  }, selector);
  return result;
}

/** The WCAG 2.x A and AA violations on the page (or under selector). */
export async function axeViolations(page: TestPage, selector?: string): Promise<string[]> {
  return (await axeReport(page, selector)).violations;
}
