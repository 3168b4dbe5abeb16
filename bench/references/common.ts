// Shared by the reference content scripts the benchmark compares Mars Lens with: the
// same aliases, the same skip rules, the same way of reporting to the harness.
import bundle from '../../lib/facts/generated/fact-base.json';
import type { FactBase } from '../../lib/facts/types';
import { shouldSkip, SKIP_TAGS } from '../../lib/page/skip-rules';

const base = bundle as unknown as FactBase;
export const aliases = base.entities.flatMap((e) => e.aliases.filter((a) => !a.searchOnly));

export function report(kind: string, value: number): void {
  console.debug(`[mars-lens-bench] ${JSON.stringify({ kind, value, at: performance.now() })}`);
}

/** Every text node outside skipped elements, in document order (the floor's whole job). */
export function walkText(root: Node, visit: (text: Text) => void): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      visit(node as Text);
      node = walker.nextNode();
      continue;
    }
    if (shouldSkip(node as Element, () => false)) {
      let next: Node | null = null;
      while (!(next = walker.nextSibling())) if (!walker.parentNode()) break;
      node = next;
      continue;
    }
    node = walker.nextNode();
  }
}

/** CSS selectors for the skip rules (for mark.js's `exclude`), from the same tag list. */
export const SKIP_SELECTORS = [
  ...SKIP_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  '[contenteditable]:not([contenteditable="false"]) *',
];
