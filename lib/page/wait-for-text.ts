import { SKIP_TAGS } from './skip-rules';
import { isBlank } from './text-runs';

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
        let next: Node | null = null;
        while (!(next = walker.nextSibling())) if (!walker.parentNode()) break;
        node = next;
        continue;
      }
    }
    node = walker.nextNode();
  }
  return false;
}

/** Calls fn once the document may have text (at once if it has some already). */
export function whenTextAppears(doc: Document, win: Window & typeof globalThis, signal: AbortSignal, fn: () => void) {
  if (signal.aborted) return;
  if (mayHaveText(doc)) return fn();
  let timer: number | undefined;
  const observer = new win.MutationObserver(() => {
    // Checked once the page's burst of changes is over, not on every one.
    if (timer !== undefined) return;
    timer = win.setTimeout(() => {
      timer = undefined;
      if (signal.aborted || !mayHaveText(doc)) return;
      stop();
      fn();
    }, 100);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
  };
  observer.observe(doc, { childList: true, characterData: true, subtree: true });
  signal.addEventListener('abort', stop, { once: true });
}
