import type { Mark } from './mark-index';

// Marks in reading order, for "next term" and "previous term". Ranges in one text node
// compare by offset; others by the nodes' document position.

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

export function compareMarks(a: Mark, b: Mark): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  return na.compareDocumentPosition(nb) & FOLLOWING ? -1 : 1;
}

export function inReadingOrder(marks: Iterable<Mark>): Mark[] {
  return [...marks].sort(compareMarks);
}
