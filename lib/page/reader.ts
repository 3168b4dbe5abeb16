/** Marks fact-base terms in a document until signal aborts. */
export function startReader(_doc: Document, _signal: AbortSignal): void {
  // The scanner, highlight registry and tooltip land with the reading issue.
}
