import type { HighlightMarks } from './highlight-marks';
import type { Mark, MarkIndex } from './mark-index';
import { compareMarks } from './mark-order';

// "First mention only": every term is still found and indexed, but only its earliest
// mark in reading order is painted. The reader reads the visible part of the page
// first, so the earliest mark can arrive late; each change re-picks, which also moves
// the mark on when the first mention leaves the page.

export function showFirstMentions(index: MarkIndex, highlight: HighlightMarks): void {
  const first = new Map<string, Mark>();
  for (const mark of index.marks()) {
    const id = mark.match.entityId;
    const seen = first.get(id);
    if (!seen || compareMarks(mark, seen) < 0) first.set(id, mark);
  }
  for (const mark of index.marks()) {
    const shown = first.get(mark.match.entityId) === mark;
    if (shown !== highlight.has(mark.range)) {
      if (shown) highlight.add(mark.range);
      else highlight.delete(mark.range);
    }
  }
}
