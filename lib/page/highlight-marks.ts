// Marks are StaticRanges in one CSS Custom Highlight: the page's DOM is never
// modified, page scripts keep their own text nodes, and frameworks never meet foreign
// nodes. StaticRanges (unlike live Ranges) cost the page nothing when it edits text.
// The registry is shared with the page, so the name is random, and ensureRegistered()
// puts the highlight back if the page removed it.

export interface HighlightEnv {
  window: Window & typeof globalThis;
  registry: HighlightRegistry;
  createHighlight: () => Highlight;
  createRange: (init: StaticRangeInit) => StaticRange;
  randomName: () => string;
  /** Asked before our highlight goes into the registry: false once this instance must stop. */
  mayRegister?: () => boolean;
  /** Told each time our highlight goes into the registry (the frame then sees to its look). */
  onRegister?: () => void;
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

/**
 * Our one highlight in the page's registry. New ranges are staged and drawn in one go
 * by commit(): each change to a registered highlight costs the page a style and paint
 * pass at its next frame, so a reader that marks as it reads commits a few times a
 * second, not once per answer.
 */
export class HighlightMarks {
  private ownName: string | undefined;
  private own: Highlight | undefined;
  private readonly staged = new Set<StaticRange>();
  /**
   * The ranges drawn, kept apart from the Highlight: the page shares the registry, and
   * may clear our Highlight, add its own ranges to it or change its priority.
   */
  private readonly drawn = new Set<StaticRange>();

  /** name: the highlight's fixed name (see mark-style.ts); a random one if none is given. */
  constructor(
    private readonly env: HighlightEnv,
    name?: string,
  ) {
    this.ownName = name;
  }

  /** Made on first use: a frame with nothing to mark never makes one. */
  get name(): string {
    return (this.ownName ??= this.env.randomName());
  }

  get highlight(): Highlight {
    return (this.own ??= this.env.createHighlight());
  }

  /** Ranges drawn or about to be. */
  get size(): number {
    return this.drawn.size + this.staged.size;
  }

  add(range: StaticRange): void {
    if (!this.drawn.has(range)) this.staged.add(range);
  }

  has(range: AbstractRange): boolean {
    return this.drawn.has(range as StaticRange) || this.staged.has(range as StaticRange);
  }

  delete(range: StaticRange): void {
    this.staged.delete(range);
    if (this.drawn.delete(range)) this.own?.delete(range);
  }

  range(init: StaticRangeInit): StaticRange {
    return this.env.createRange(init);
  }

  /** Draws the staged ranges, and registers the highlight if it is not (any more). */
  commit(): void {
    if (this.staged.size) {
      const highlight = this.highlight;
      for (const range of this.staged) {
        highlight.add(range);
        this.drawn.add(range);
      }
      this.staged.clear();
    }
    this.ensureRegistered();
  }

  /**
   * Puts the highlight back if the page cleared the registry, took the name, or changed
   * what our Highlight holds; true if it had to.
   */
  ensureRegistered(): boolean {
    if (!this.drawn.size) return false;
    let own = this.highlight;
    if (own.size !== this.drawn.size || (own.priority ?? 0) !== 0 || (own.type ?? 'highlight') !== 'highlight') {
      // Drawn afresh: a page that added ranges to ours, or took some away, is undone.
      own = this.own = this.env.createHighlight();
      for (const range of this.drawn) own.add(range);
    }
    if (this.env.registry.get(this.name) === own || !(this.env.mayRegister?.() ?? true)) return false;
    this.env.registry.set(this.name, own);
    this.env.onRegister?.();
    return true;
  }

  clear(): void {
    this.staged.clear();
    this.drawn.clear();
    if (!this.own) return;
    this.own.clear();
    if (this.env.registry.get(this.name) === this.own) this.env.registry.delete(this.name);
  }
}
