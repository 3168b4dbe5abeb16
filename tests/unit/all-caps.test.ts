import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { TermMatcher } from '../../lib/match/term-matcher';

// One rule for text set in capitals, everywhere: a name with lower-case letters
// ("Jezero", "Mastcam", a trap such as "Bruno Mars") also matches in capitals when the
// words around it are in capitals too (an all-caps headline), and only then.

const matcher = new TermMatcher(factBase);
const found = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

describe('text set in capitals', () => {
  it('finds mixed-case names in an all-caps headline, as it finds acronyms there', () => {
    expect(found('PIXL AND MASTCAM-Z AT JEZERO CRATER')).toEqual(['PIXL', 'MASTCAM-Z', 'JEZERO CRATER']);
    expect(found('JEZERO')).toEqual(['JEZERO']);
    expect(found('NASA’S ROVER REACHES JEZERO, AT LAST')).toEqual(['NASA', 'JEZERO']);
  });

  it('does not take a shouted word in ordinary prose for a name', () => {
    expect(found('We visited JEZERO yesterday')).toEqual([]);
    expect(found('the rover at Jezero crater')).toEqual(['Jezero crater']);
  });

  it('applies to traps the same way: BRUNO MARS is no planet', () => {
    expect(matcher.find('BRUNO MARS WORLD TOUR').filter((m) => m.entityId === 'mars')).toEqual([]);
    expect(matcher.find('LIFE ON MARS').map((m) => m.entityId)).toEqual(['mars']);
  });
});
