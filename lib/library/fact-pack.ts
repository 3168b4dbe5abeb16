import { z } from 'zod';
import { articleId, isWebUrl, type SavedArticle } from './library';

// Fact packs: the library, or part of it, as a file to share. An import is checked the
// way the build checks the seeds: the file's shape, every quote and definition found in
// its article's text, unique ids, known entities, and caps on every size. A file with
// any problem is refused whole, with the first problem's place and reason; nothing of
// it is taken.

// zod never compiles validators with `new Function` here (extension pages and the
// background forbid eval; web-ext lint still sees zod's own feature test in the bundle).
z.config({ jitless: true });

export const PACK_FORMAT = 'mars-lens-fact-pack';
export const PACK_VERSION = 1;

export const PACK_LIMITS = {
  bytes: 20 * 1024 * 1024,
  articles: 500,
  textChars: 1_000_000,
  terms: 200,
  quotes: 2000,
  aliases: 12,
} as const;

const line = (max: number) => z.string().max(max);
const term = z.strictObject({
  id: z.string().regex(/^lib-[a-z0-9-]{1,60}$/, 'a term id is lib- and a slug'),
  name: line(200).min(1),
  aliases: z.array(line(100).min(1)).max(PACK_LIMITS.aliases),
  definition: line(4000).min(1),
});
const quote = z.strictObject({
  text: line(4000).min(1),
  entities: z.array(line(80).min(1)).min(1).max(50),
});
const article = z.strictObject({
  id: z.string().regex(/^a-[0-9a-z]{1,12}$/),
  url: line(2000).refine(isWebUrl, 'only http and https addresses'),
  title: line(500),
  site: line(200),
  byline: line(300),
  published: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')]),
  savedAt: z.iso.datetime(),
  text: line(PACK_LIMITS.textChars).min(1),
  terms: z.array(term).max(PACK_LIMITS.terms),
  quotes: z.array(quote).max(PACK_LIMITS.quotes),
});
const pack = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  articles: z.array(article).max(PACK_LIMITS.articles),
});

export type PackResult = { ok: true; articles: SavedArticle[] } | { ok: false; reason: string };

/** The pack file for articles (in the order given). */
export function exportPack(articles: readonly SavedArticle[]): string {
  return `${JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, articles }, null, 1)}\n`;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const where = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

/**
 * Reads a pack file. knownIds are the bundled entities' ids: a quote may name those and
 * the pack's own terms, nothing else.
 */
export function parsePack(text: string, knownIds: ReadonlySet<string>): PackResult {
  const refuse = (reason: string): PackResult => ({ ok: false, reason });
  if (new TextEncoder().encode(text).length > PACK_LIMITS.bytes)
    return refuse(`The file is over ${PACK_LIMITS.bytes / 1024 / 1024} MB.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse(`Not a fact pack: the file is not JSON (${(e as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== PACK_FORMAT)
    return refuse('Not a fact pack: it does not say "format": "mars-lens-fact-pack".');
  if ((data as { version?: unknown }).version !== PACK_VERSION)
    return refuse(
      `This fact pack is version ${JSON.stringify((data as { version?: unknown }).version)}; this Mars Lens reads version ${PACK_VERSION}.`,
    );
  const parsed = pack.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`${where(issue.path) || 'The file'}: ${issue.message}.`);
  }
  const articles = parsed.data.articles as SavedArticle[];
  const ids = new Set<string>();
  for (const [i, a] of articles.entries()) {
    const at = `articles[${i}]`;
    if (a.id !== articleId(a.url)) return refuse(`${at}.id: ${a.id} is not the id of its address ${a.url}.`);
    if (ids.has(a.id)) return refuse(`${at}: ${a.url} is in the pack twice.`);
    ids.add(a.id);
    const body = squash(a.text);
    const termIds = new Set<string>();
    for (const [j, t] of a.terms.entries()) {
      if (termIds.has(t.id)) return refuse(`${at}.terms[${j}].id: ${t.id} is there twice.`);
      termIds.add(t.id);
      if (!body.includes(squash(t.definition)))
        return refuse(`${at}.terms[${j}].definition: the sentence is not in the article's text.`);
    }
    for (const [j, q] of a.quotes.entries()) {
      if (!body.includes(squash(q.text))) return refuse(`${at}.quotes[${j}]: the quote is not in the article's text.`);
      const unknown = q.entities.find((id) => !knownIds.has(id) && !termIds.has(id));
      if (unknown)
        return refuse(`${at}.quotes[${j}].entities: ${unknown} is no entity of Mars Lens or of this article.`);
    }
  }
  return { ok: true, articles };
}
