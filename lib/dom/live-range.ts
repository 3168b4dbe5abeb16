// DOM helpers shared by page reading and the tooltip, which know nothing of each other.

/** A live Range for the moment of a measurement (live ranges left in a highlight slow the page's edits). */
export function liveRange(doc: Document, r: AbstractRange): Range {
  const range = doc.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}
