import { SKIP_TAGS } from './skip-rules';
import { insideSkipped, isBlank, skipSubtree } from './text-runs';

// A frame with no text (an ad slot, a tracking pixel, an app's empty shell) costs
// nothing until it has some: no question to the background, no reader, no observer of
// its own but this one, which waits for the page to add text.

/**
 * True if root may hold prose: a text node that is not white space outside code and
 * scripts, or an element that may hold a shadow root (whose text this walk cannot see).
 */
export function mayHaveText(root: Node): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node;) {
    if (node.nodeType === 3) {
      if (!isBlank((node as Text).data)) return true;
    } else {
      const el = node as Element;
      if (el.localName.includes('-') || el.shadowRoot) return true;
      if (SKIP_TAGS.has(el.localName)) {
        node = skipSubtree(walker);
        continue;
      }
    }
    node = walker.nextNode();
  }
  return false;
}

/** True if a change brought text: new text outside code and scripts, or a subtree that may hold some. */
function broughtText(record: MutationRecord): boolean {
  const outside = (node: Node) => !insideSkipped(node.nodeType === 1 ? (node as Element) : node.parentElement);
  if (record.type === 'characterData') return !isBlank((record.target as Text).data) && outside(record.target);
  for (const node of record.addedNodes) {
    if (node.nodeType === 3 ? !isBlank((node as Text).data) : node.nodeType === 1 && mayHaveText(node)) {
      if (outside(node)) return true;
    }
  }
  return false;
}

/**
 * Calls fn once the document may have text (at once if it has some already). Only what
 * each change added is looked at, never the whole document again.
 */
export function whenTextAppears(doc: Document, win: Window & typeof globalThis, signal: AbortSignal, fn: () => void) {
  if (signal.aborted) return;
  if (mayHaveText(doc)) return fn();
  const observer = new win.MutationObserver((records) => {
    if (signal.aborted || !records.some(broughtText)) return;
    observer.disconnect();
    fn();
  });
  observer.observe(doc, { childList: true, characterData: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
