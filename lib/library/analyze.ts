import { splitSentences } from '../facts/sentences';
import type { Entity } from '../facts/types';
import { TermMatcher } from '../match/term-matcher';
import { definitionsIn, type Definition } from './definitions';
import {
  articleId,
  termId,
  type ExtractedArticle,
  type SavedArticle,
  type SavedQuote,
  type SavedTerm,
} from './library';

// What an article would add to the library, before anything is saved: the known
// entities it mentions (with their sentences) and the new terms it defines. The reader
// unticks what they do not want; what is left is saved (savedArticle). The curators'
// `npm run draft` runs the same analysis on a new seed.

/** Sentences kept per entity at most (the popup lists them; a long article keeps the first). */
const SENTENCES_PER_ENTITY = 12;

export interface Mention {
  entityId: string;
  name: string;
  /** Indexes into Analysis.sentences. */
  sentences: number[];
}

export interface FoundTerm extends SavedTerm {
  /** The bundled entity it already is, where its name or an alias is one of that entity's. */
  known?: string;
  /** Indexes of the sentences that mention it. */
  sentences: number[];
  kind: Definition['kind'];
}

export interface Analysis {
  sentences: string[];
  /** Known entities mentioned, most mentioned first. */
  mentions: Mention[];
  /** Terms the article defines (new ones, and known ones it defines again). */
  terms: FoundTerm[];
}

export function analyzeArticle(
  article: Pick<ExtractedArticle, 'text'>,
  base: { entities: readonly Entity[]; traps: readonly string[] },
): Analysis {
  const sentences = splitSentences(article.text).map((s) => s.text);
  const matcher = new TermMatcher(base);
  const names = new Map(base.entities.map((e) => [e.id, e.name]));
  const byEntity = new Map<string, Set<number>>();
  matcher.findEach(sentences).forEach((matches, i) => {
    for (const m of matches) {
      let set = byEntity.get(m.entityId);
      if (!set) byEntity.set(m.entityId, (set = new Set()));
      set.add(i);
    }
  });
  const mentions = [...byEntity]
    .map(([entityId, set]) => ({ entityId, name: names.get(entityId) ?? entityId, sentences: [...set] }))
    .sort((a, b) => b.sentences.length - a.sentences.length || (a.entityId < b.entityId ? -1 : 1))
    .map((m) => ({ ...m, sentences: m.sentences.slice(0, SENTENCES_PER_ENTITY) }));

  const known = new Map<string, string>();
  for (const e of base.entities)
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) known.set(text.toLowerCase(), e.id);
  const terms: FoundTerm[] = [];
  for (const d of definitionsIn(sentences)) {
    const id = termId(d.name, d.aliases);
    const knownAs = [d.name, ...d.aliases].map((t) => known.get(t.toLowerCase())).find(Boolean);
    const same = terms.find((t) => t.id === id);
    if (same) {
      for (const a of d.aliases) if (!same.aliases.includes(a)) same.aliases.push(a);
      continue;
    }
    terms.push({
      id,
      name: d.name,
      aliases: [...d.aliases],
      definition: d.sentence,
      kind: d.kind,
      known: knownAs,
      sentences: [],
    });
  }
  // The sentences that mention each term (by any of its names).
  const fresh = terms.filter((t) => !t.known);
  if (fresh.length) {
    const termMatcher = new TermMatcher({
      entities: fresh.map((t) => ({
        id: t.id,
        evidence: 'none' as const,
        aliases: [t.name, ...t.aliases].map((text) => ({
          text,
          caseSensitive: !/\p{Ll}/u.test(text),
          ambiguous: false,
          variant: false,
          searchOnly: false,
        })),
      })),
      traps: [],
    });
    termMatcher.findEach(sentences).forEach((matches, i) => {
      for (const m of matches) {
        const t = fresh.find((x) => x.id === m.entityId)!;
        if (!t.sentences.includes(i) && t.sentences.length < SENTENCES_PER_ENTITY) t.sentences.push(i);
      }
    });
  }
  return { sentences, mentions, terms };
}

/** What the reader keeps: new terms by id, and sentences by index. */
export interface Kept {
  terms: ReadonlySet<string>;
  sentences: ReadonlySet<number>;
}

/** Everything the analysis found, kept (the popup's starting point). */
export function keepAll(analysis: Analysis): Kept {
  return {
    terms: new Set(analysis.terms.filter((t) => !t.known).map((t) => t.id)),
    sentences: new Set([
      ...analysis.mentions.flatMap((m) => m.sentences),
      ...analysis.terms.filter((t) => !t.known).flatMap((t) => t.sentences),
    ]),
  };
}

/** The article to save: the new terms kept, and each kept sentence with the entities it mentions. */
export function savedArticle(article: ExtractedArticle, analysis: Analysis, kept: Kept, savedAt: Date): SavedArticle {
  const terms: SavedTerm[] = analysis.terms
    .filter((t) => !t.known && kept.terms.has(t.id))
    .map(({ id, name, aliases, definition }) => ({ id, name, aliases, definition }));
  const entitiesOf = new Map<number, Set<string>>();
  const add = (i: number, id: string) => {
    if (!kept.sentences.has(i)) return;
    let set = entitiesOf.get(i);
    if (!set) entitiesOf.set(i, (set = new Set()));
    set.add(id);
  };
  for (const m of analysis.mentions) for (const i of m.sentences) add(i, m.entityId);
  for (const t of analysis.terms) if (!t.known && kept.terms.has(t.id)) for (const i of t.sentences) add(i, t.id);
  const quotes: SavedQuote[] = [...entitiesOf]
    .sort((a, b) => a[0] - b[0])
    .map(([i, ids]) => ({ text: analysis.sentences[i]!, entities: [...ids].sort() }));
  return { ...article, id: articleId(article.url), savedAt: savedAt.toISOString(), terms, quotes };
}
