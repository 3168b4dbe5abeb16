import { describe, expect, it } from 'vitest';
import { badgeText, distinctCount } from '../../lib/browser/badge';

describe('badge', () => {
  it('counts distinct terms across frames', () => {
    expect(
      distinctCount(
        new Map([
          [0, ['pixl', 'jpl']],
          [3, ['pixl', 'mars']],
        ]),
      ),
    ).toBe(3);
    expect(distinctCount(new Map())).toBe(0);
  });

  it.each([
    [0, ''],
    [7, '7'],
    [120, '99+'],
  ])('shows %i as %j', (n, text) => expect(badgeText(n)).toBe(text));
});
