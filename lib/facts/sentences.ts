// Splits a seed into sentences for "in the news" context, with offsets in the seed.
// Intl.Segmenter handles quotes and abbreviations better than a regular expression;
// the seeds also run sentences together without a space ("fossils.The US"), which it
// does not split, so a lowercase-period-capital join is split here as well.

export interface Sentence {
  text: string;
  start: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const seg of segmenter.segment(text)) {
    let offset = seg.index;
    for (const piece of seg.segment.split(/(?<=[a-z][.!?])(?=[A-Z])/)) {
      const lead = piece.length - piece.trimStart().length;
      const trimmed = piece.trim();
      if (trimmed) out.push({ text: trimmed, start: offset + lead });
      offset += piece.length;
    }
  }
  return out;
}
