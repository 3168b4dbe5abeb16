// Matching one enormous run in windows: each window is read with the text before it
// that a term or trap phrase running into it could start in (so the word-boundary
// check sees what precedes, and "Bruno Mars" cut between its words still hides its
// Mars), and enough after it that a term starting inside is whole; only the terms that
// start inside the window are kept.
// Windows that start where the previous one ended (or after its last term) find
// exactly what matching the whole text finds.

/** The fact compiler caps aliases and traps at this length (lib/facts/schema.ts). */
export const MAX_TERM_LENGTH = 100;
/** Past a window's end: a term may hold runs of white space, so four times the longest, and some. */
export const WINDOW_OVERLAP = 4 * MAX_TERM_LENGTH + 64;
/** Before a window's start: the longest a term or trap can run, as past its end. */
const LEAD = WINDOW_OVERLAP;

export interface Window {
  /** The text to match. */
  text: string;
  /** Where text starts in the run. */
  offset: number;
  from: number;
  to: number;
}

export function windowOf(run: string, from: number, to: number): Window {
  const offset = Math.max(0, from - LEAD);
  return { text: run.slice(offset, Math.min(run.length, to + WINDOW_OVERLAP)), offset, from, to };
}

/** The matches of a window's text that start inside it, in run offsets. */
export function keepInWindow<M extends { start: number; end: number }>(w: Window, matches: readonly M[]): M[] {
  const out: M[] = [];
  for (const m of matches) {
    const start = m.start + w.offset;
    if (start < w.from) continue;
    if (start >= w.to) break;
    out.push({ ...m, start, end: m.end + w.offset });
  }
  return out;
}
