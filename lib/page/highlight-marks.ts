import type { TermMatch } from '../match/term-matcher';
import { locate, type TextRun } from './text-runs';

// Marks are StaticRanges in one CSS Custom Highlight: the page's DOM is never
// modified, page scripts keep their own text nodes, and frameworks never meet foreign
// nodes. StaticRanges (unlike live Ranges) cost the page nothing when it edits text.
// The registry is shared with the page, so the name is random, and ensureRegistered()
// puts the highlight back if the page removed it (called on every add; a trigger for
// pages that clear it later comes with the mutation observer).

export interface Mark {
  match: TermMatch;
  range: StaticRange;
}

export interface HighlightEnv {
  window: Window & typeof globalThis;
  registry: HighlightRegistry;
  createHighlight: () => Highlight;
  createRange: (init: StaticRangeInit) => StaticRange;
  randomName: () => string;
}

export function browserHighlightEnv(win: Window & typeof globalThis): HighlightEnv {
  return {
    window: win,
    registry: win.CSS.highlights,
    createHighlight: () => new win.Highlight(),
    createRange: (init) => new win.StaticRange(init),
    randomName: () => randomHighlightName(win.crypto),
  };
}

/**
 * A highlight name the page cannot guess. Uses getRandomValues, not randomUUID: the
 * latter exists only in secure contexts, and plain-http pages (and the about:blank a
 * new tab starts as) are not secure.
 */
export function randomHighlightName(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ml-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class HighlightMarks {
  readonly name: string;
  private readonly highlight: Highlight;
  readonly marks: Mark[] = [];

  constructor(private readonly env: HighlightEnv) {
    this.name = env.randomName();
    this.highlight = env.createHighlight();
  }

  add(run: TextRun, matches: readonly TermMatch[]): void {
    for (const match of matches) {
      const start = locate(run, match.start);
      const end = locate(run, match.end, true);
      const range = this.env.createRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      this.highlight.add(range);
      this.marks.push({ match, range });
    }
    this.ensureRegistered();
  }

  /** Puts the highlight back if the page cleared the registry or took the name. */
  ensureRegistered(): void {
    if (this.marks.length && this.env.registry.get(this.name) !== this.highlight) {
      this.env.registry.set(this.name, this.highlight);
    }
  }

  clear(): void {
    this.highlight.clear();
    this.marks.length = 0;
    if (this.env.registry.get(this.name) === this.highlight) this.env.registry.delete(this.name);
  }
}
