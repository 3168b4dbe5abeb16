import { insideSkipped } from './text-runs';
import { INLINE_TAGS } from './skip-rules';

// Where to begin reading so the reader sees marks first where they are looking: the
// block near the top of the viewport when the page is scrolled (a reload, an anchor
// link), nothing (the document start) when the top of the page is in view. Fixed and
// sticky bars cover the top of many news pages, so probe lower until one is not.

const PROBES = [0.05, 0.2, 0.4];

export function visibleStart(
  doc: Document,
  win: Window & typeof globalThis,
  isOwnUi?: (el: Element) => boolean,
): Element | undefined {
  if (win.scrollY < win.innerHeight / 2) return undefined;
  for (const probe of PROBES) {
    const el = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight * probe);
    if (!el || el === doc.body || el === doc.documentElement || pinned(el, win)) continue;
    let block: Element | null = el;
    while (block && INLINE_TAGS.has(block.localName)) block = block.parentElement;
    if (!block || insideSkipped(block, isOwnUi)) return undefined;
    return block;
  }
  return undefined;
}

function pinned(el: Element, win: Window & typeof globalThis): boolean {
  for (let n: Element | null = el; n && n !== n.ownerDocument.body; n = n.parentElement) {
    const position = win.getComputedStyle(n).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}
