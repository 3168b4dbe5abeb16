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
    const text = seed + ' PIXLPIXL Jet  Propulsion\nLaboratory xMars Mars 2020 ' + seed;
    const whole = matcher.find(text);
    expect(whole.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 }), (cuts) => {
        expect(inPieces(text, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
