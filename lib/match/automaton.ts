import { foldChar, isIgnorable, normalizeAlias, normalizeChar } from './normalize';
import { codePointAt, codePointBefore, isWordCodePoint, joinsWord } from './word-boundary';

// Aho–Corasick over case-folded, normalized text: one pass finds every alias, so the
// cost of a scan does not grow with the number of aliases. Per-alias case rules are a
// cheap check on the (rare) candidate matches, not a second automaton.

export interface PatternSpec {
  text: string;
  caseSensitive: boolean;
}

export interface RawMatch {
  start: number;
  end: number;
  pattern: number;
}

const SPACE = 0x20;

export class Automaton {
  readonly patternCount: number;
  private readonly rootNext: Int32Array;
  /** 1 where every pattern starting with the character must start a word. */
  private readonly rootWordStartOnly: Uint8Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeCount: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeNext: Int32Array;
  private readonly fail: Int32Array;
  /** Nearest state on the fail chain (itself included) that ends a pattern, or 0. */
  private readonly outLink: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outCount: Int32Array;
  private readonly outPattern: Int32Array;
  private readonly texts: string[];
  private readonly lengths: Int32Array;
  private readonly sensitive: Uint8Array;
  /** Each case-sensitive pattern in capitals, where it has lower-case letters (else ''): its form in an all-caps headline. */
  private readonly capitals: string[];
  private readonly wordStart: Uint8Array;
  private readonly wordEnd: Uint8Array;
  private readonly ringMask: number;
  /**
   * Where each of the last few consumed characters sits in the text. One buffer for
   * every call (findAll is not re-entrant): a page is thousands of short runs, and a
   * typed array per run was a measurable share of the garbage.
   */
  private readonly ring: Int32Array;

  constructor(specs: readonly PatternSpec[]) {
    this.patternCount = specs.length;
    this.texts = specs.map((s) => normalizeAlias(s.text));
    this.lengths = Int32Array.from(this.texts, (t) => t.length);
    this.sensitive = Uint8Array.from(specs, (s) => (s.caseSensitive ? 1 : 0));
    this.capitals = this.texts.map((t, p) => {
      if (!this.sensitive[p] || !LOWER.test(t)) return '';
      const upper = t.toUpperCase();
      return upper.length === t.length ? upper : '';
    });
    this.wordStart = Uint8Array.from(this.texts, (t) => (t && joinsWord(t.codePointAt(0)!) ? 1 : 0));
    this.wordEnd = Uint8Array.from(this.texts, (t) => (t && joinsWord(codePointBefore(t, t.length)) ? 1 : 0));
    let maxLen = 1;
    for (const t of this.texts) maxLen = Math.max(maxLen, t.length);
    let ring = 1;
    while (ring <= maxLen) ring <<= 1;
    this.ringMask = ring - 1;
    this.ring = new Int32Array(ring);

    // 1. A trie of folded pattern texts.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.texts.forEach((text, p) => {
      if (!text) return;
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = foldChar(text.charCodeAt(i));
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[s]!.set(c, next);
        }
        s = next;
      }
      ends[s]!.push(p);
    });

    // 2. Flatten edges (sorted by character, for binary search in wide states).
    const n = children.length;
    this.edgeStart = new Int32Array(n);
    this.edgeCount = new Int32Array(n);
    const edgeTotal = n - 1;
    this.edgeChar = new Uint16Array(edgeTotal);
    this.edgeNext = new Int32Array(edgeTotal);
    let e = 0;
    for (let s = 0; s < n; s++) {
      const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
      this.edgeStart[s] = e;
      this.edgeCount[s] = sorted.length;
      for (const [c, next] of sorted) {
        this.edgeChar[e] = c;
        this.edgeNext[e] = next;
        e++;
      }
    }
    this.rootNext = new Int32Array(0x10000);
    for (const [c, next] of children[0]!) this.rootNext[c] = next;
    this.rootWordStartOnly = new Uint8Array(0x10000).fill(1);
    this.texts.forEach((text, p) => {
      if (text && !this.wordStart[p]) this.rootWordStartOnly[foldChar(text.charCodeAt(0))] = 0;
    });

    // 3. Failure links and output links, breadth first.
    this.fail = new Int32Array(n);
    this.outLink = new Int32Array(n);
    const queue: number[] = [];
    for (const next of children[0]!.values()) queue.push(next);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      this.outLink[s] = ends[s]!.length > 0 ? s : this.outLink[this.fail[s]!]!;
      for (const [c, next] of children[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && this.step(f, c) < 0) f = this.fail[f]!;
        const target = this.step(f, c);
        this.fail[next] = target > 0 && target !== next ? target : 0;
        queue.push(next);
      }
    }
    this.outStart = new Int32Array(n);
    this.outCount = new Int32Array(n);
    const outs: number[] = [];
    for (let s = 0; s < n; s++) {
      this.outStart[s] = outs.length;
      this.outCount[s] = ends[s]!.length;
      outs.push(...ends[s]!);
    }
    this.outPattern = Int32Array.from(outs);
  }

  /** The state reached from s on folded character c, or -1 (root: 0 means stay). */
  private step(s: number, c: number): number {
    if (s === 0) return this.rootNext[c]!;
    const start = this.edgeStart[s]!;
    const count = this.edgeCount[s]!;
    if (count < 8) {
      for (let i = start; i < start + count; i++) if (this.edgeChar[i] === c) return this.edgeNext[i]!;
      return -1;
    }
    let lo = start;
    let hi = start + count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const mc = this.edgeChar[mid]!;
      if (mc === c) return this.edgeNext[mid]!;
      if (mc < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Every occurrence of every pattern in text that respects its case rule and word
   * boundaries, overlapping ones included, in order of their end.
   * Runs of white space in the text match one space in a pattern; soft hyphens and
   * zero-width characters are skipped.
   */
  findAll(text: string): RawMatch[] {
    const found: RawMatch[] = [];
    const ring = this.ring;
    const rootNext = this.rootNext;
    const wordStartOnly = this.rootWordStartOnly;
    let consumed = 0;
    let s = 0;
    let lastWasSpace = true;
    for (let i = 0; i < text.length; i++) {
      const raw = text.charCodeAt(i);
      let c: number;
      if (raw < 0x80 && raw > 0x20) c = raw >= 0x41 && raw <= 0x5a ? raw + 0x20 : raw;
      else {
        if (isIgnorable(raw)) continue;
        c = foldChar(raw);
      }
      // Most text is read at the root with no pattern starting here: such a character
      // can be in no match, so it needs no place in the ring (a match's characters are
      // all consumed after its first one left the root) and no output check.
      // Likewise inside a word, where only patterns that may start mid-word could begin
      // (checked for ASCII neighbours, the common case; accept() decides the rest).
      if (s === 0) {
        if (rootNext[c] === 0) continue;
        if (i > 0 && wordStartOnly[c] === 1) {
          const prev = text.charCodeAt(i - 1);
          if (prev < 0x80 && isWordCodePoint(prev)) continue;
        }
      }
      if (c === SPACE) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      ring[consumed & this.ringMask] = i;
      consumed++;
      for (;;) {
        const next = this.step(s, c);
        if (next > 0) {
          s = next;
          break;
        }
        if (s === 0) break;
        s = this.fail[s]!;
      }
      for (let o = this.outLink[s]!; o !== 0; o = this.outLink[this.fail[o]!]!) {
        const first = this.outStart[o]!;
        for (let k = first; k < first + this.outCount[o]!; k++) {
          const p = this.outPattern[k]!;
          const start = ring[(consumed - this.lengths[p]!) & this.ringMask]!;
          if (this.accept(text, start, i + 1, p)) found.push({ start, end: i + 1, pattern: p });
        }
      }
    }
    return found;
  }

  private accept(text: string, start: number, end: number, p: number): boolean {
    if (this.wordStart[p] && joinsWord(seenBefore(text, start))) return false;
    if (this.wordEnd[p] && joinsWord(seenAt(text, end))) return false;
    if (!this.sensitive[p] || this.sameCase(text, start, end, this.texts[p]!)) return true;
    // Set in capitals ("JEZERO CRATER FROM ORBIT"), a mixed-case name is still itself:
    // the words it stands among (the one before and the one after) are capitals too.
    const capitals = this.capitals[p]!;
    return capitals !== '' && this.sameCase(text, start, end, capitals) && amongCapitals(text, start, end);
  }

  /** Compares text[start, end) with a normalized pattern without folding case. */
  private sameCase(text: string, start: number, end: number, pattern: string): boolean {
    let j = 0;
    let lastWasSpace = false;
    for (let i = start; i < end; i++) {
      const raw = text.charCodeAt(i);
      if (isIgnorable(raw)) continue;
      const c = normalizeChar(raw);
      if (c === SPACE) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      if (pattern.charCodeAt(j++) !== c) return false;
    }
    return j === pattern.length;
  }
}

/**
 * Leftmost-longest selection: among overlapping matches the one that starts first
 * wins, and of those the longest, so "Mars 2020" beats "Mars" and nested matches go.
 */
export function selectLongest<T extends { start: number; end: number }>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: T[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start >= reach) {
      chosen.push(m);
      reach = m.end;
    }
  }
  return chosen;
}

/**
 * The code point a reader sees just before index i: characters that are not drawn
 * inside a word (a soft hyphen, zero-width joiners) are looked past, so "X&shy;PIXL"
 * reads as one word, as it is drawn.
 */
function seenBefore(text: string, i: number): number {
  while (i > 0 && isIgnorable(text.charCodeAt(i - 1))) i--;
  return codePointBefore(text, i);
}

/** The code point a reader sees at index i, looking past characters not drawn. */
function seenAt(text: string, i: number): number {
  while (i < text.length && isIgnorable(text.charCodeAt(i))) i++;
  return codePointAt(text, i);
}

const LOWER = /\p{Ll}/u;
const LETTER = /[\p{L}\p{M}]/u;

/** Whether the word before start and the word after end (where there are any) have no lower-case letter. */
export function amongCapitals(text: string, start: number, end: number): boolean {
  return capitalWord(text, start, -1) && capitalWord(text, end, 1);
}

/** The nearest word from i in direction dir (past spaces, punctuation and unseen characters) has no lower-case letter. */
function capitalWord(text: string, i: number, dir: 1 | -1): boolean {
  let j = dir === 1 ? i : i - 1;
  const at = (k: number) => text[k]!;
  const unseenOrGap = (k: number) => isIgnorable(text.charCodeAt(k)) || !LETTER.test(at(k));
  while (j >= 0 && j < text.length && unseenOrGap(j)) j += dir;
  while (j >= 0 && j < text.length && (LETTER.test(at(j)) || isIgnorable(text.charCodeAt(j)))) {
    if (LOWER.test(at(j))) return false;
    j += dir;
  }
  return true;
}
