import type { Alias, Entity, Source } from '../facts/types';

// The reader's library: articles saved from the pages they read, each with the new
// terms it defines and the sentences of it the reader kept. Everything Mars Lens says
// from it is a verbatim sentence of a saved article, with its site, date and address.
//
// What learned terms carry: every alias of one is `ambiguous` and the term's evidence is
// `none`. A term learned from one article is nobody's curated knowledge, and an acronym
// that means an instrument in a Mars story (MEDA, SCS) means something else elsewhere:
// so it is marked only on pages the bundled terms already show to be about Mars (the
// topic gate), and never itself makes a page count as one.

/** An article as the page gave it (lib/library/extract.ts). */
export interface ExtractedArticle {
  url: string;
  title: string;
  site: string;
  byline: string;
  /** YYYY-MM-DD, or '' where the page does not say. */
  published: string;
  text: string;
}

/** A new term an article defines. */
export interface SavedTerm {
  /** `lib-` and a slug of its name. */
  id: string;
  name: string;
  /** Its other names (acronyms keep their capitals). */
  aliases: string[];
  /** The sentence that defines it, verbatim from the article. */
  definition: string;
}

/** A sentence of a saved article and the entities it mentions (bundled ids, or saved terms'). */
export interface SavedQuote {
  text: string;
  entities: string[];
}

export interface SavedArticle extends ExtractedArticle {
  /** `a-` and a hash of its address. */
  id: string;
  /** When it was saved (ISO). */
  savedAt: string;
  terms: SavedTerm[];
  quotes: SavedQuote[];
}

/** What a card shows from the library: one quote, and where it is from. */
export interface ReadingQuote {
  quote: string;
  title: string;
  site: string;
  /** YYYY-MM-DD or ''. */
  published: string;
  url: string;
}

/** An article without its text: what the background keeps at hand (cards, search, marking). */
export type ArticleCard = Omit<SavedArticle, 'text'>;

export const cardOf = ({ text: _text, ...card }: SavedArticle): ArticleCard => card;

/** Only http and https addresses are ever linked to. */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** A saved term's id: `lib-` and a slug of its acronym, if it has one, or of its name. */
export function termId(name: string, aliases: readonly string[] = []): string {
  const acronym = aliases.find((a) => !/\p{Ll}/u.test(a) && /\p{L}/u.test(a));
  return `lib-${slug(acronym ?? name) || 'term'}`;
}

/** A stable id for an article's address (FNV-1a, 52 bits in base 36). */
export function articleId(url: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(url)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xfffffffffffffn;
  return `a-${h.toString(36)}`;
}

/** An alias as marked: acronyms (no lower-case letter) case-sensitive, others not; always behind the topic gate. */
function learnedAlias(text: string): Alias {
  return {
    text,
    caseSensitive: !/\p{Ll}/u.test(text),
    ambiguous: true,
    variant: false,
    searchOnly: false,
  };
}

/**
 * The entities the library adds: one per saved term (the first article to define it
 * names it; later ones add their aliases). Terms whose id or names a bundled entity
 * already has are left out (the bundled entity explains them).
 */
export function libraryEntities(articles: readonly ArticleCard[], bundled: readonly Entity[]): Entity[] {
  const taken = new Set<string>(bundled.map((e) => e.id));
  const names = new Set<string>(
    bundled.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map((n) => n.toLowerCase())),
  );
  const byId = new Map<string, Entity>();
  for (const article of [...articles].sort((a, b) => a.savedAt.localeCompare(b.savedAt))) {
    for (const term of article.terms) {
      if (taken.has(term.id)) continue;
      const texts = [term.name, ...term.aliases].filter((t) => !names.has(t.toLowerCase()));
      if (!texts.length) continue;
      let entity = byId.get(term.id);
      if (!entity) {
        entity = {
          id: term.id,
          name: term.name,
          category: 'term',
          evidence: 'none',
          summary: `A term defined in “${article.title}”, an article you saved.`,
          aliases: [],
          related: [],
          facts: [],
          news: [],
        };
        byId.set(term.id, entity);
      }
      for (const text of texts)
        if (!entity.aliases.some((a) => a.text === text)) entity.aliases.push(learnedAlias(text));
    }
  }
  return [...byId.values()];
}

/** The library's articles as sources (for the popup's lists). */
export function librarySources(articles: readonly ArticleCard[]): Source[] {
  return articles.map((a) => ({
    id: a.id,
    file: a.url,
    outlet: a.site,
    date: a.published || a.savedAt.slice(0, 10),
    dateApproximate: !a.published,
    dateNote: a.published ? '' : 'The day it was saved',
    title: a.title,
  }));
}

/** Quotes from the library that mention entityId, newest article first, at most limit. */
export function readingQuotes(articles: readonly ArticleCard[], entityId: string, limit = 3): ReadingQuote[] {
  const out: ReadingQuote[] = [];
  const newest = [...articles].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  for (const a of newest) {
    if (!isWebUrl(a.url)) continue;
    const quotes = [
      ...a.terms.filter((t) => t.id === entityId).map((t) => t.definition),
      ...a.quotes.filter((q) => q.entities.includes(entityId)).map((q) => q.text),
    ];
    for (const quote of new Set(quotes)) {
      out.push({ quote, title: a.title, site: a.site, published: a.published, url: a.url });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * The fact base with the library in it, for the popup's lists and search: saved terms
 * as entities under "From your reading", each with the sentences that define and
 * mention it, and the articles as sources.
 */
export function withLibrary<B extends { entities: Entity[]; sources: Source[] }>(
  base: B,
  articles: readonly ArticleCard[],
): B {
  if (!articles.length) return base;
  const learned = libraryEntities(articles, base.entities).map((e) => ({
    ...e,
    news: articles.flatMap((a) => {
      const texts = [
        ...a.terms.filter((t) => t.id === e.id).map((t) => t.definition),
        ...a.quotes.filter((q) => q.entities.includes(e.id)).map((q) => q.text),
      ];
      return [...new Set(texts)].map((text) => ({ source: a.id, text, start: 0 }));
    }),
  }));
  return { ...base, entities: [...base.entities, ...learned], sources: [...base.sources, ...librarySources(articles)] };
}
