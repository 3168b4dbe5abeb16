import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { createFactSearch } from '../../lib/popup/search';

const search = createFactSearch(factBase);

describe('fact search', () => {
  it.each([
    ['jazero', 'jezero-crater'],
    ['Jezero', 'jezero-crater'],
    ['pixel', 'pixl'],
    ['x-ray', 'pixl'],
    ['microphone', 'microphone'],
    ['mastcam', 'mastcam-z'],
    ['jet propulsion', 'jpl'],
    ['watkins', 'michael-watkins'],
    ['navcam', 'navigation-camera'],
  ])('"%s" finds %s first', (query, id) => {
    expect(search.search(query)[0]).toBe(id);
  });

  it('finds nothing for an empty query or nonsense', () => {
    expect(search.search('  ')).toEqual([]);
    expect(search.search('qqqzzzxxx')).toEqual([]);
  });
});
