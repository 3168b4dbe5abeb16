import { describe, expect, it } from 'vitest';
import { badgeText, distinctCount } from '../../lib/browser/tab-terms';

const t = (...ids: string[]) => ids.map((id) => ({ id, count: 1 }));

describe('tab terms', () => {
  it('counts distinct terms across frames', () => {
    expect(
      distinctCount(
        new Map([
          [0, t('pixl', 'jpl')],
          [3, t('pixl', 'mars')],
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
