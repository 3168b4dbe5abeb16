// The compiled fact base: what `npm run facts` writes and every part of the extension reads.

export const CATEGORIES = [
  'spacecraft',
  'instrument',
  'camera',
  'place',
  'organization',
  'person',
  'mission',
  'event',
  'recording',
] as const;
/** A bundled entity's category, or `term`: a term learned from an article the reader saved (lib/library). */
export type Category = (typeof CATEGORIES)[number] | 'term';

/** What an unambiguous match of an entity says about a page being about Mars exploration. */
export type Evidence = 'strong' | 'weak' | 'none';

export interface Source {
  id: string;
  file: string;
  outlet: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  dateApproximate: boolean;
  dateNote: string;
  title: string;
  titleNote?: string;
}

export interface Citation {
  source: string;
  /** The quote as written in the fact file. */
  quote: string;
  /** Offsets of the quote in the seed file's text (UTF-16 units). */
  start: number;
  end: number;
}

export interface Fact {
  text: string;
  citations: Citation[];
}

export interface Alias {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  variant: boolean;
  searchOnly: boolean;
}

/** A seed sentence that mentions the entity: "in the news" context. */
export interface NewsSentence {
  source: string;
  text: string;
  start: number;
}

export interface Entity {
  id: string;
  name: string;
  category: Category;
  evidence: Evidence;
  summary: string;
  aliases: Alias[];
  related: string[];
  facts: Fact[];
  news: NewsSentence[];
}

export interface FactBase {
  version: 1;
  sources: Source[];
  entities: Entity[];
  traps: string[];
}
