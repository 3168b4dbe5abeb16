import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { TermMatcher } from '../../lib/match/term-matcher';

// Huge runs are matched in pieces; the pieces must add up to matching the whole.
const matcher = new TermMatcher(factBase);
const seed = readFileSync('seeds/000_8cc301e64d225afa.txt', 'utf8');

function inPieces(text: string, cuts: number[]) {
  const out = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length]) {
    if (cut <= from) continue;
    const found = matcher.findWindow(text, from, cut);
    out.push(...found);
    from = Math.max(cut, found.at(-1)?.end ?? 0);
  }
  return out;
}

describe('TermMatcher.findWindow', () => {
  it('finds in pieces exactly what find() finds in the whole text, wherever the cuts fall', () => {
    // Traps too: a "Bruno Mars" cut between its words must still hide that Mars.
    const text = seed + ' PIXLPIXL Jet  Propulsion\nLaboratory xMars Mars 2020 Bruno  Mars ate Mars bars ' + seed;
    const whole = matcher.find(text);
    const near = fc.constantFrom(
      ...['Bruno  Mars', 'Mars bars', 'Jet  Propulsion', 'Mars 2020'].flatMap((phrase) => {
        const at = text.indexOf(phrase);
        return Array.from({ length: phrase.length + 4 }, (_, i) => at - 2 + i);
      }),
    );
    expect(whole.length).toBeGreaterThan(50);
    fc.assert(
      // Cuts anywhere, and cuts in and around the words of traps and terms.
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: text.length }), near), { maxLength: 40 }), (cuts) => {
        expect(inPieces(text, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
