import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import type { Alias } from '../../lib/facts/types';
import { relevantFacts } from '../../lib/facts/relevant-facts';
import { whyMarked } from '../../lib/tooltip/why';

const alias = (text: string, extra: Partial<Alias> = {}): Alias => ({
  text,
  caseSensitive: true,
  ambiguous: false,
  variant: false,
  searchOnly: false,
  ...extra,
});
const entity = (id: string) => factBase.entities.find((e) => e.id === id)!;

describe('whyMarked', () => {
  it.each([
    ['the name or part of it', 'pixl', alias('PIXL'), 'PIXL', 'Marked because this page says “PIXL”.'],
    [
      'another name, with the page’s line break collapsed',
      'nasa',
      alias('National Aeronautics and Space Administration'),
      'National Aeronautics\nand Space Administration',
      'Marked because this page says “National Aeronautics and Space Administration”, another name for NASA.',
    ],
    [
      'a variant spelling',
      'jezero-crater',
      alias('Jazero', { variant: true }),
      'Jazero',
      'Marked because this page says “Jazero”, a variant spelling of Jezero crater found in the sources.',
    ],
    [
      'an everyday word on an on-topic page',
      'microphone',
      alias('microphone', { ambiguous: true }),
      'microphone',
      "Marked because this page says “microphone” and is about Mars exploration, so it likely means Perseverance's microphone.",
    ],
  ])('explains %s', (_what, id, a, pageText, want) => {
    expect(whyMarked(entity(id), a, pageText)).toBe(want);
  });
});

describe('relevantFacts', () => {
  it('keeps the fact file’s order when nothing else on the page is named, at most three', () => {
    const e = entity('pixl');
    expect(relevantFacts(e, [])).toEqual(e.facts.slice(0, 3));
  });

  it('puts first the facts that name other things on the page', () => {
    const e = factBase.entities.find(
      (x) => x.facts.length >= 3 && x.facts.some((f, i) => i > 0 && /Jezero/.test(f.text)),
    );
    if (!e) throw new Error('fact base has no entity with a later fact naming Jezero');
    const first = relevantFacts(e, ['Jezero'])[0]!;
    expect(first.text).toMatch(/Jezero/);
  });
});
