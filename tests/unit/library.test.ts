import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { analyzeArticle, keepAll, savedArticle } from '../../lib/library/analyze';
import { exportPack, PACK_LIMITS, parsePack } from '../../lib/library/fact-pack';
import {
  articleId,
  cardOf,
  libraryEntities,
  readingQuotes,
  termId,
  type ExtractedArticle,
  type SavedArticle,
} from '../../lib/library/library';
import { TermMatcher } from '../../lib/match/term-matcher';

// The library's logic: what an article adds, what saved terms become, what cards quote,
// and fact packs (export then import is the identity; a bad file is refused whole, with
// its reason).

const known = new Set(factBase.entities.map((e) => e.id));
const sherlocArticle: ExtractedArticle = {
  url: 'https://news.example.org/2021/sherloc',
  title: 'How Perseverance looks for organics',
  site: 'Example News',
  byline: 'A. Writer',
  published: '2021-03-04',
  text: [
    'The rover carries Scanning Habitable Environments with Raman & Luminescence for Organics & Chemicals (SHERLOC) on its arm.',
    'SHERLOC works with PIXL at Jezero crater.',
    'The weather was fine.',
    'NASA built SHERLOC at JPL.',
  ].join(' '),
};

describe('an article analysed', () => {
  const analysis = analyzeArticle(sherlocArticle, factBase);

  it('finds the new term it defines, with the sentences that mention it, and the known entities it mentions', () => {
    const sherloc = analysis.terms.find((t) => t.aliases.includes('SHERLOC'))!;
    expect(sherloc).toMatchObject({
      id: 'lib-sherloc',
      name: 'Scanning Habitable Environments with Raman & Luminescence for Organics & Chemicals',
      known: undefined,
    });
    expect(sherloc.sentences).toEqual([0, 1, 3]);
    const ids = analysis.mentions.map((m) => m.entityId);
    expect(ids).toEqual(expect.arrayContaining(['pixl', 'jezero-crater', 'nasa', 'jpl']));
    expect(analysis.mentions.find((m) => m.entityId === 'pixl')!.sentences).toEqual([1]);
  });

  it('saves only what the reader kept, each quote verbatim with the entities it mentions', () => {
    const all = keepAll(analysis);
    const saved = savedArticle(sherlocArticle, analysis, all, new Date('2026-12-01T10:00:00Z'));
    expect(saved.id).toBe(articleId(sherlocArticle.url));
    expect(saved.terms.map((t) => t.aliases)).toEqual([['SHERLOC']]);
    for (const q of saved.quotes) expect(sherlocArticle.text).toContain(q.text);
    expect(saved.quotes.map((q) => q.text)).not.toContain('The weather was fine.');
    // The reader unticks the term and one sentence.
    const fewer = savedArticle(
      sherlocArticle,
      analysis,
      { terms: new Set(), sentences: new Set([...all.sentences].filter((i) => i !== 3)) },
      new Date(),
    );
    expect(fewer.terms).toEqual([]);
    expect(fewer.quotes.map((q) => q.text)).not.toContain('NASA built SHERLOC at JPL.');
    expect(fewer.quotes.flatMap((q) => q.entities)).not.toContain(saved.terms[0]!.id);
  });

  it('gives terms the fact base already has as known, not new', () => {
    const seed = readFileSync('seeds/000_8cc301e64d225afa.txt', 'utf8');
    const seedAnalysis = analyzeArticle({ text: seed }, factBase);
    const nasa = seedAnalysis.terms.find((t) => t.aliases.includes('NASA'));
    expect(nasa?.known).toBe('nasa');
    expect(keepAll(seedAnalysis).terms.size).toBe(0);
  });
});

describe('saved terms as entities', () => {
  const saved = savedArticle(
    sherlocArticle,
    analyzeArticle(sherlocArticle, factBase),
    keepAll(analyzeArticle(sherlocArticle, factBase)),
    new Date('2026-12-01T10:00:00Z'),
  );

  it('are marked behind the topic gate and never open it', () => {
    const [entity] = libraryEntities([cardOf(saved)], factBase.entities);
    expect(entity).toMatchObject({ category: 'term', evidence: 'none' });
    expect(entity!.aliases.every((a) => a.ambiguous)).toBe(true);
    expect(entity!.aliases.find((a) => a.text === 'SHERLOC')?.caseSensitive).toBe(true);
    const matcher = new TermMatcher({ entities: [...factBase.entities, entity!], traps: factBase.traps });
    expect(matcher.find('Rover news: SHERLOC and PIXL.').map((m) => m.evidence)).toEqual(['none', 'strong']);
  });

  it('leave out names a bundled entity has, and quote the article in cards with its address', () => {
    const withJpl: SavedArticle = {
      ...saved,
      terms: [
        ...saved.terms,
        {
          id: termId('Jet Propulsion Laboratory'),
          name: 'Jet Propulsion Laboratory',
          aliases: ['JPL'],
          definition: 'NASA built SHERLOC at JPL.',
        },
      ],
    };
    const entities = libraryEntities([cardOf(withJpl)], factBase.entities);
    expect(entities.map((e) => e.aliases.map((a) => a.text))).toEqual([[saved.terms[0]!.name, 'SHERLOC']]);
    const quotes = readingQuotes([cardOf(saved)], 'pixl');
    expect(quotes).toEqual([
      {
        quote: 'SHERLOC works with PIXL at Jezero crater.',
        title: saved.title,
        site: 'Example News',
        published: '2021-03-04',
        url: saved.url,
      },
    ]);
    // An article whose address is not http(s) is never quoted with a link.
    expect(readingQuotes([cardOf({ ...saved, url: 'javascript:alert(1)' })], 'pixl')).toEqual([]);
  });
});

// Valid articles: sentences of words, quotes and definitions among them.
const sentenceArb = fc
  .array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 2, maxLength: 8 })
  .map((w) => `${w.join(' ')}.`);
const articleArb: fc.Arbitrary<SavedArticle> = fc
  .record({
    n: fc.integer({ min: 0, max: 99999 }),
    sentences: fc.array(sentenceArb, { minLength: 1, maxLength: 6 }),
    title: fc.string({ maxLength: 30 }),
    site: fc.string({ maxLength: 20 }),
    byline: fc.string({ maxLength: 20 }),
    published: fc.constantFrom('', '2021-02-23', '2026-11-30'),
    termNames: fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}$/), { maxLength: 3 }),
    picks: fc.array(fc.nat(), { maxLength: 5 }),
  })
  .map(({ n, sentences, title, site, byline, published, termNames, picks }) => {
    const url = `https://site${n}.example/a/${n}`;
    const terms = termNames.map((name, i) => ({
      id: termId(name),
      name,
      aliases: [
        name
          .split(' ')
          .map((w) => w[0])
          .join(''),
      ],
      definition: sentences[i % sentences.length]!,
    }));
    const ids = [...known].slice(0, 5);
    const quotes = picks.map((p) => ({
      text: sentences[p % sentences.length]!,
      entities: [terms.length && p % 2 ? terms[p % terms.length]!.id : ids[p % ids.length]!],
    }));
    return {
      id: articleId(url),
      url,
      title,
      site,
      byline,
      published,
      savedAt: '2026-12-01T10:00:00.000Z',
      text: sentences.join(' '),
      terms: terms.filter((t, i) => terms.findIndex((u) => u.id === t.id) === i),
      quotes,
    };
  });
const libraryArb = fc.uniqueArray(articleArb, { selector: (a) => a.id, maxLength: 5 });

describe('fact packs', () => {
  it('export then import gives back the same articles', () => {
    fc.assert(
      fc.property(libraryArb, (articles) => {
        const back = parsePack(exportPack(articles), known);
        expect(back).toEqual({ ok: true, articles });
      }),
    );
  });

  it('refuse a file with any problem whole, with the place and the reason', () => {
    fc.assert(
      fc.property(
        libraryArb.filter((a) => a.length > 0),
        fc.constantFrom('quote', 'definition', 'twice', 'entity', 'url', 'id', 'extra'),
        (articles, fault) => {
          const bad = structuredClone(articles);
          const a = bad[0]!;
          if (fault === 'quote') a.quotes.push({ text: 'A sentence the article never had.', entities: ['nasa'] });
          if (fault === 'definition')
            a.terms.push({ id: 'lib-made-up', name: 'Made Up', aliases: ['MU'], definition: 'Never said.' });
          if (fault === 'twice') bad.push(structuredClone(a));
          if (fault === 'entity') a.quotes.push({ text: a.text.split('.')[0]! + '.', entities: ['no-such-entity'] });
          if (fault === 'url') a.url = 'javascript:alert(1)';
          if (fault === 'id') a.id = 'a-0';
          if (fault === 'extra') (a as unknown as { html: string }).html = '<b>x</b>';
          const result = parsePack(exportPack(bad), known);
          expect(result.ok).toBe(false);
          expect(!result.ok && result.reason).toMatch(/articles\[\d+\]/);
        },
      ),
    );
  });

  it('refuse what is not a pack, another version, or too much', () => {
    expect(parsePack('not json', known)).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(parsePack('{"format":"something-else"}', known)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Not a fact pack'),
    });
    expect(parsePack('{"format":"mars-lens-fact-pack","version":2,"articles":[]}', known)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('version 2'),
    });
    const many = JSON.stringify({
      format: 'mars-lens-fact-pack',
      version: 1,
      articles: Array(PACK_LIMITS.articles + 1).fill({}),
    });
    expect(parsePack(many, known).ok).toBe(false);
  });
});
