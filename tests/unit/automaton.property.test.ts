import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amongCapitals, Automaton, selectLongest } from '../../lib/match/automaton';

// The automaton must find exactly what a naive matcher finds: one RegExp per alias,
// tried at every position, with the same boundary and case rules, then the same
// leftmost-longest selection. Texts and aliases are drawn from a small alphabet that
// makes overlaps, case variants, hyphens, digits, accents and white-space runs common,
// and texts also hold characters a reader does not see (soft hyphens, zero-width and
// other format characters, which the reference skips as a reader does), curly quotes,
// and trap-like neighbours (a term inside a longer word, a term beside a digit).

// A character that joins words: a letter, mark, digit or "_", except in scripts written
// without spaces (Han here), which never join a term to its neighbour.
const WORD = '(?:(?!\\p{sc=Han})[\\p{L}\\p{M}\\p{N}_])';

/** Format characters (\p{Cf}): not drawn, so neither part of a word nor between words. */
const UNSEEN = /\p{Cf}/u;

function naive(patterns: { text: string; caseSensitive: boolean }[], original: string) {
  // The text as it is drawn, and where each of its characters was.
  const at: number[] = [];
  let text = '';
  for (let i = 0; i < original.length; i++) {
    if (UNSEEN.test(original[i]!)) continue;
    at.push(i);
    text += original[i];
  }
  const found: { start: number; end: number }[] = [];
  for (const p of patterns) {
    const body = p.text
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const before = new RegExp(`^${WORD}`, 'u').test(p.text) ? `(?<!${WORD})` : '';
    const after = new RegExp(`${WORD}$`, 'u').test(p.text) ? `(?!${WORD})` : '';
    const re = new RegExp(`${before}${body}${after}`, p.caseSensitive ? 'uy' : 'iuy');
    // A case-sensitive name with lower-case letters also matches set in capitals, among
    // words in capitals (the rule of lib/match/automaton.ts).
    const shouted = p.caseSensitive && /\p{Ll}/u.test(p.text) && p.text.toUpperCase().length === p.text.length;
    const loud = new RegExp(`${before}${body}${after}`, 'iuy');
    for (let i = 0; i < text.length; i++) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        found.push({ start: at[i]!, end: at[i + m[0].length - 1]! + 1 });
        continue;
      }
      if (!shouted) continue;
      loud.lastIndex = i;
      const l = loud.exec(text);
      if (!l || /\p{Ll}/u.test(l[0])) continue;
      const start = at[i]!;
      const end = at[i + l[0].length - 1]! + 1;
      if (amongCapitals(original, start, end)) found.push({ start, end });
    }
  }
  return selectLongest(found).map((m) => [m.start, m.end]);
}

const char = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', '1', '-', 'x', '火');
const word = fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
const alias = fc.record({
  text: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  caseSensitive: fc.boolean(),
});
const text = fc
  .array(
    fc.oneof(
      char,
      fc.constantFrom(' ', ' ', '\n', '\u00a0', '  ', '.', '’', '‘', '“', '”'),
      fc.constantFrom('\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\u2066', '\ufeff'),
    ),
    { maxLength: 60 },
  )
  .map((cs) => cs.join(''));

describe('Automaton against a naive reference matcher', () => {
  it('finds the same matches on random texts and alias sets', () => {
    fc.assert(
      fc.property(fc.array(alias, { minLength: 1, maxLength: 8 }), text, (patterns, t) => {
        const automaton = new Automaton(patterns);
        const ours = selectLongest(automaton.findAll(t)).map((m) => [m.start, m.end]);
        expect(ours).toEqual(naive(patterns, t));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
