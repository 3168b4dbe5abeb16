import { MARK_NAMES } from '../page/mark-style';
import { CARD_MARK } from '../tooltip/tooltip-view';

// What an older instance of Mars Lens may have left in this frame, taken away before
// this one starts: one the browser cut off without running it again (Firefox, after an
// update, stops the old script but leaves its highlights registered and an open card
// in place), or one that has not yet noticed its extension is gone (Chromium). Our
// highlights go by fixed names. A card's host is a plain <div> under <html> or <body>
// whose closed shadow root, which only extension code can open, holds our card. Looks,
// and so costs, only that much.

export function removeLeftovers(
  doc: Document,
  registry: HighlightRegistry,
  shadowOf: (element: Element) => ShadowRoot | null,
): number {
  let removed = 0;
  for (const name of Object.values(MARK_NAMES)) if (registry.delete(name)) removed++;
  for (const parent of [doc.documentElement, doc.body]) {
    for (const host of parent?.querySelectorAll(':scope > div') ?? []) {
      if (!shadowOf(host)?.querySelector(`[${CARD_MARK}]`)) continue;
      host.remove();
      removed++;
    }
  }
  return removed;
}
