import { MARK_NAMES } from '../page/mark-style';
import { CARD_MARK } from '../tooltip/tooltip-view';

// What an older instance of Mars Lens may have left in this frame, taken away by this
// one: one the browser cut off without running it again (Firefox, after an update,
// stops the old script but leaves its highlights registered and an open card in
// place), or one that has not yet noticed its extension is gone (Chromium).
//
// Our highlights go by fixed names; a card's host is a plain <div> under <html> or
// <body> whose closed shadow root (which extension code can open, the page's own closed
// roots too) holds an element marked as our card. A page may use those names and make
// such an element itself, so both go only when this instance first registers its own
// highlights, where the page sees Mars Lens at work anyway: a page with nothing marked
// never sees anything of its own touched.

export function removeLeftoverCards(doc: Document, shadowOf: (element: Element) => ShadowRoot | null): number {
  let removed = 0;
  for (const parent of [doc.documentElement, doc.body]) {
    for (const host of parent?.querySelectorAll(':scope > div') ?? []) {
      if (!shadowOf(host)?.querySelector(`[${CARD_MARK}]`)) continue;
      host.remove();
      removed++;
    }
  }
  return removed;
}

export function removeLeftoverHighlights(registry: HighlightRegistry): number {
  let removed = 0;
  for (const name of Object.values(MARK_NAMES)) if (registry.delete(name)) removed++;
  return removed;
}
