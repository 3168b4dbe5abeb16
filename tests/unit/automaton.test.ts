import { describe, expect, it } from 'vitest';
import { Automaton, selectLongest } from '../../lib/match/automaton';

function find(patterns: [string, boolean][], text: string): string[] {
  const a = new Automaton(patterns.map(([t, caseSensitive]) => ({ text: t, caseSensitive })));
  return selectLongest(a.findAll(text)).map((m) => text.slice(m.start, m.end));
}

describe('Automaton', () => {
  it.each<[string, [string, boolean][], string, string[]]>([
    ['whole words only', [['PIXL', true]], 'PIXLS and PIXL, xPIXL', ['PIXL']],
    [
      'hyphenated alias',
      [
        ['Mastcam-Z', false],
        ['Mastcam', true],
      ],
      'Mastcam-Z and Mastcam.',
      ['Mastcam-Z', 'Mastcam'],
    ],
    ['digits in alias', [['Mars 2020', true]], 'Mars 2020 vs Mars 20201', ['Mars 2020']],
    ['case-sensitive acronym', [['JPL', true]], 'jpl JPL Jpl', ['JPL']],
    [
      'case-insensitive word',
      [['jezero crater', false]],
      'JEZERO CRATER and Jezero Crater',
      ['JEZERO CRATER', 'Jezero Crater'],
    ],
    [
      'longest wins',
      [
        ['Mars', true],
        ['Mars 2020', true],
      ],
      'the Mars 2020 mission to Mars',
      ['Mars 2020', 'Mars'],
    ],
    [
      'nested dropped',
      [
        ['Jet Propulsion Laboratory', false],
        ['Propulsion', false],
      ],
      'Jet Propulsion Laboratory',
      ['Jet Propulsion Laboratory'],
    ],
    [
      'white space runs and line breaks',
      [['Jet Propulsion Laboratory', false]],
      'Jet\n    Propulsion\u00a0Laboratory',
      ['Jet\n    Propulsion\u00a0Laboratory'],
    ],
    ['soft hyphen inside', [['Mastcam-Z', false]], 'Mast\u00adcam-Z', ['Mast\u00adcam-Z']],
    ['non-breaking hyphen', [['Mastcam-Z', false]], 'Mastcam\u2011Z', ['Mastcam\u2011Z']],
    ['possessive', [['NASA', true]], "NASA’s and NASA's", ['NASA', 'NASA']],
    ['unicode letters are word characters', [['Mars', true]], 'éMars Marsé Mars', ['Mars']],
    ['other scripts', [['Марс', false]], 'на Марсе, Марс', ['Марс']],
    ['astral neighbours', [['Mars', true]], '𝐀Mars 😀Mars', ['Mars']],
    [
      'failure links',
      [
        ['abcd', false],
        ['bc', false],
      ],
      'x abcx bc',
      ['bc'],
    ],
  ])('%s', (_name, patterns, text, expected) => {
    expect(find(patterns, text)).toEqual(expected);
  });

  it('keeps offsets in the original text for characters whose lowercase changes length', () => {
    expect(find([['Mars', false]], 'İİ Mars')).toEqual(['Mars']);
  });

  it.each([
    ['between Han characters', '由NASA发布', ['NASA']],
    ['between Japanese kana', 'これはPIXLです', ['PIXL']],
    ['after Thai', 'ภาพจากPIXL', ['PIXL']],
    ['but not inside a longer Latin word', '由NASAS发布', []],
    ['nor next to Cyrillic letters, which use spaces', 'аNASA', []],
  ])('stands alone next to scripts written without spaces: %s', (_what, text, expected) => {
    expect(
      find(
        [
          ['NASA', true],
          ['PIXL', true],
        ],
        text,
      ),
    ).toEqual(expected);
  });
});
