// Unicode-aware word boundaries: "PIXL" must not match inside "PIXLS", and "Mars" must
// not match inside "Marsupial", in any script. Letters, marks, digits and "_" are word
// characters, as in \w with the u flag extended to all scripts.

const WORD_RE = /[\p{L}\p{M}\p{N}_]/u;

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

// Scripts written without spaces between words. A term next to them stands alone
// ("由NASA发布" mentions NASA), and no boundary can be told inside them, so their
// characters never join a term to its neighbour.
const NO_SPACE_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** True if cp continues a word, so a term may not start or end against it. */
export function joinsWord(cp: number): boolean {
  if (cp < 0x80) return isWordCodePoint(cp);
  return isWordCodePoint(cp) && !NO_SPACE_RE.test(String.fromCodePoint(cp));
}

/** The code point that ends just before index i, or -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point that starts at index i, or -1 at the end. */
export function codePointAt(text: string, i: number): number {
  return i >= text.length ? -1 : text.codePointAt(i)!;
}
