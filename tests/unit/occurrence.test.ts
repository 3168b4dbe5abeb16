import { describe, expect, it } from 'vitest';
import { occurrence, pageTerms } from '../../lib/popup/occurrence';

const frames = [
  {
    frameId: 0,
    terms: [
      { id: 'pixl', count: 2 },
      { id: 'jpl', count: 1 },
    ],
  },
  { frameId: 4, terms: [{ id: 'pixl', count: 1 }] },
];

describe('On this page', () => {
  it('adds counts across frames, most frequent first', () => {
    expect(pageTerms(frames)).toEqual([
      { id: 'pixl', count: 3 },
      { id: 'jpl', count: 1 },
    ]);
    expect(pageTerms([])).toEqual([]);
  });

  it('finds the kth mention across frames, wrapping', () => {
    expect([0, 1, 2, 3, 4].map((k) => occurrence(frames, 'pixl', k))).toEqual([
      { frameId: 0, n: 0 },
      { frameId: 0, n: 1 },
      { frameId: 4, n: 0 },
      { frameId: 0, n: 0 },
      { frameId: 0, n: 1 },
    ]);
    expect(occurrence(frames, 'jpl', 5)).toEqual({ frameId: 0, n: 0 });
    expect(occurrence(frames, 'mars', 0)).toBeUndefined();
  });
});
