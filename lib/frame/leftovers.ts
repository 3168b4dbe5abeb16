import { MARK_NAMES } from '../page/mark-style';
import { HOST_TAG } from '../tooltip/tooltip-view';

// What an older instance of Mars Lens may have left in this frame, taken away before
// this one starts: one the browser cut off without running it again (Firefox, after an
// update, stops the old script but leaves its highlights registered), or one that has
// not yet noticed its extension is gone (Chromium). Our highlights go by fixed names;
// the card's host sits under <html> or <body>. Looks, and so costs, only that much.

export function removeLeftovers(doc: Document, registry: HighlightRegistry): number {
  let removed = 0;
  for (const name of Object.values(MARK_NAMES)) if (registry.delete(name)) removed++;
  for (const parent of [doc.documentElement, doc.body]) {
    for (const host of parent?.querySelectorAll(`:scope > ${HOST_TAG}`) ?? []) {
      host.remove();
      removed++;
    }
  }
  return removed;
}
