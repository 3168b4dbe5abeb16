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
