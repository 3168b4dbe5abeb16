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

/**
 * The next (or previous) mark after `from`; with no `from`, the first mark at or
 * below the top of the viewport (or the last above its bottom), wrapping at the ends.
 */
export function stepMark(
  ordered: readonly Mark[],
  direction: 1 | -1,
  from: Mark | undefined,
  top: (mark: Mark) => number,
  viewportHeight: number,
): Mark | undefined {
  if (ordered.length === 0) return undefined;
  let i: number;
  if (from && ordered.includes(from)) i = ordered.indexOf(from) + direction;
  else if (direction === 1) i = ordered.findIndex((m) => top(m) >= 0);
  else i = ordered.findLastIndex((m) => top(m) < viewportHeight);
  if (i < 0 || i >= ordered.length) i = direction === 1 ? 0 : ordered.length - 1;
  return ordered[i];
}
