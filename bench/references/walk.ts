// The floor's whole job, kept apart from the aliases so the floor carries no fact data.
import { shouldSkip } from '../../lib/page/skip-rules';

declare const __BENCH_REPORT__: boolean;

export function report(kind: string, value: number): void {
  // The silent build (what a page pays) leaves the console alone.
  if (!__BENCH_REPORT__) return;
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
