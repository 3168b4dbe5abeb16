// Character normalization shared by the automaton and its exact-case check.
// Every mapping is one UTF-16 unit to one unit, so offsets in normalized text are
// offsets in the page's text: no position map is needed after matching.

const SPACE = 0x20;

/**
 * Characters a reader does not see (Unicode's format characters, \p{Cf}): the soft
 * hyphen, zero-width spaces and joiners, direction marks and isolates, the byte-order
 * mark. Inside a term they are skipped, and next to one they are looked past, so text
 * reads as it is drawn. Tested in ranges, not with a RegExp: this runs for every
 * character the automaton reads.
 */
export function isIgnorable(c: number): boolean {
  if (c < 0xad) return false;
  if (c < 0x2000)
    return c === 0xad || (c >= 0x600 && c <= 0x605) || c === 0x61c || c === 0x6dd || c === 0x70f || c === 0x180e;
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) ||
    c === 0xfeff ||
    (c >= 0xfff9 && c <= 0xfffb)
  );
}

export function isSpace(c: number): boolean {
  return (
    c === SPACE ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Typographic variants that pages use for the same word: spaces, hyphens, apostrophes. */
export function normalizeChar(c: number): number {
  if (c < 0x80) return c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b ? SPACE : c;
  if (isSpace(c)) return SPACE;
  if (c === 0x2010 || c === 0x2011) return 0x2d; // hyphen, non-breaking hyphen
  if (c === 0x2019 || c === 0x2018) return 0x27; // curly apostrophes
  return c;
}

// Lowercase per UTF-16 unit, cached. Characters whose lowercase form has another
// length (U+0130 "İ" lowercases to two units) keep their own value so lengths hold.
const lowerCache = new Uint16Array(0x10000);

export function foldChar(c: number): number {
  const n = normalizeChar(c);
  if (n < 0x80) return n >= 0x41 && n <= 0x5a ? n + 0x20 : n;
  let f = lowerCache[n]!;
  if (f === 0) {
    const lower = String.fromCharCode(n).toLowerCase();
    f = lower.length === 1 ? lower.charCodeAt(0) : n;
    lowerCache[n] = f;
  }
  return f;
}

/** Normalizes an alias the way page text is normalized, collapsing runs of spaces. */
export function normalizeAlias(alias: string): string {
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    if (isIgnorable(c)) continue;
    const n = normalizeChar(c);
    if (n === SPACE) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    out += String.fromCharCode(n);
  }
  return out.trimEnd();
}
