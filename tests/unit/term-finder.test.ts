import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { decodeMatches, encodeMatches } from '../../lib/match/term-finder';
import { TermMatcher } from '../../lib/match/term-matcher';

// What a frame sends the background and gets back: the terms of each text survive the
// trip exactly, whatever the texts, and an answer of the wrong shape is refused.

const matcher = new TermMatcher(factBase);
const WORDS = ['PIXL', 'Jezero', 'Mars', 'Bruno Mars', 'JPL', 'Jet Propulsion Laboratory', 'Mastcam-Z', 'the', ' '];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' '));

describe('the term answer on the wire', () => {
  it('decodes to exactly what the matcher found, text by text', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const found = matcher.findEach(texts);
        // Through JSON, as the browsers' messaging carries it.
        const wire = JSON.parse(JSON.stringify(encodeMatches(found)));
        expect(decodeMatches(wire, texts.length)).toEqual(found);
      }),
      { numRuns: 500 },
    );
  });

  it('sends each alias once however often it matched', () => {
    const wire = encodeMatches(matcher.findEach(['PIXL PIXL PIXL', 'PIXL and JPL']));
    expect(Object.keys(wire.patterns)).toHaveLength(2);
    expect(wire.found.map((f) => f.length)).toEqual([9, 6]);
  });

  it('refuses answers of the wrong shape', () => {
    const good = encodeMatches(matcher.findEach(['PIXL']));
    expect(() => decodeMatches(good, 2)).toThrow(/bad term answer/);
    expect(() => decodeMatches({ found: [[0, 4, 7]], patterns: {} }, 1)).toThrow(/bad term answer/);
    expect(() => decodeMatches(undefined as never, 1)).toThrow(/bad term answer/);
  });
});
