import type { z } from 'zod';
import { normalizeAlias } from '../match/normalize';
import { TermMatcher } from '../match/term-matcher';
import { isEverydayPhrase, EVERYDAY_RANK, type WordRanks } from './everyday';
import { FactDataError, type Problem } from './problems';
import { QuoteFinder } from './quote-finder';
import { factFileSchema, sourcesSchema, type EntityInput, type SourceInput } from './schema';
import { splitSentences } from './sentences';
import type { Alias, Entity, FactBase, Fact, Source } from './types';
import { YamlFile, type PathKey } from './yaml-file';

export interface FactInput {
  /** Path shown in errors, e.g. "seeds/sources.yaml", and its text. */
  sources: { name: string; text: string };
  facts: { name: string; text: string };
  /** Seed files by file name. */
  seeds: Record<string, string>;
  /** How frequent English words are (lib/facts/word-ranks.ts), to find everyday phrases among aliases. */
  wordRanks: WordRanks;
}

/** Compiles and verifies the fact base; throws FactDataError listing every problem. */
export function compileFactBase(input: FactInput): FactBase {
  const problems: Problem[] = [];
  const sourcesYaml = new YamlFile(input.sources.name, input.sources.text);
  const factsYaml = new YamlFile(input.facts.name, input.facts.text);
  problems.push(...sourcesYaml.problems, ...factsYaml.problems);
  const sourcesIn = sourcesYaml.problems.length ? undefined : parse(sourcesSchema, sourcesYaml, problems);
  const factsIn = factsYaml.problems.length ? undefined : parse(factFileSchema, factsYaml, problems);
  if (!sourcesIn || !factsIn) throw new FactDataError(problems);

  const seeds = checkSources(sourcesIn, sourcesYaml, input.seeds, problems);
  const entities = factsIn.entities.map((e, i) => compileEntity(e, ['entities', i], factsYaml, seeds, problems));
  checkIds(factsIn.entities, factsYaml, problems);
  checkAliases(entities, factsYaml, problems);
  checkEverydayAliases(entities, input.wordRanks, factsYaml, problems);
  if (problems.length) throw new FactDataError(problems);

  const traps = factsIn.traps ?? [];
  gatherNews(entities, traps, seeds);
  const sources: Source[] = sourcesIn.map((s) => ({
    id: s.id,
    file: s.file,
    outlet: s.outlet,
    date: s.date,
    dateApproximate: s.dateApproximate ?? false,
    dateNote: s.dateNote,
    title: s.title,
    ...(s.titleNote ? { titleNote: s.titleNote } : {}),
  }));
  return { version: 1, sources, entities, traps };
}

function parse<T>(schema: z.ZodType<T>, file: YamlFile, problems: Problem[]): T | undefined {
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    problems.push(file.problem(path, describeEntry(file.data, path), `${pathText(path)}: ${issue.message}`));
  }
  return undefined;
}

interface Seed {
  source: SourceInput;
  text: string;
  finder: QuoteFinder;
  /** Offsets of garbled sentences, which no fact may cite and no context may show. */
  garbled: { start: number; end: number }[];
}

function checkSources(
  sources: SourceInput[],
  file: YamlFile,
  seedTexts: Record<string, string>,
  problems: Problem[],
): Map<string, Seed> {
  const seeds = new Map<string, Seed>();
  sources.forEach((source, i) => {
    const entry = `source '${source.id}'`;
    if (seeds.has(source.id)) {
      problems.push(file.problem([i, 'id'], entry, `duplicate source id '${source.id}'`));
      return;
    }
    if (!source.file.startsWith(`${source.id}_`)) {
      problems.push(
        file.problem([i, 'file'], entry, `file '${source.file}' does not start with its id '${source.id}_'`),
      );
    }
    const text = seedTexts[source.file];
    if (text === undefined) {
      problems.push(file.problem([i, 'file'], entry, `seed file '${source.file}' does not exist in seeds/`));
      return;
    }
    const finder = new QuoteFinder(text);
    const garbled: Seed['garbled'] = [];
    (source.garbled ?? []).forEach((quote, g) => {
      const at = finder.find(quote);
      if (at) garbled.push(at);
      else
        problems.push(
          file.problem([i, 'garbled', g], entry, `garbled sentence not found in ${source.file}: "${quote}"`),
        );
    });
    seeds.set(source.id, { source, text, finder, garbled });
  });
  for (const name of Object.keys(seedTexts)) {
    if (!sources.some((s) => s.file === name)) {
      problems.push({
        file: file.name,
        line: 1,
        entry: '',
        message: `seed file '${name}' has no entry (outlet, date, title)`,
      });
    }
  }
  return seeds;
}

function compileEntity(
  e: EntityInput,
  at: PathKey[],
  file: YamlFile,
  seeds: Map<string, Seed>,
  problems: Problem[],
): Entity {
  const entry = `entity '${e.id}'`;
  const facts: Fact[] = [];
  (e.facts ?? []).forEach((f, fi) => {
    const citations: Fact['citations'] = [];
    const cites = f.cite ?? [];
    if (cites.length === 0) {
      problems.push(
        file.problem([...at, 'facts', fi], `${entry} fact ${fi + 1}`, 'fact has no citation (cite: seed and quote)'),
      );
    }
    cites.forEach((c, ci) => {
      const where = [...at, 'facts', fi, 'cite', ci];
      const label = `${entry} fact ${fi + 1} citation ${ci + 1}`;
      const seed = seeds.get(c.seed);
      if (!seed) {
        const known = [...seeds.keys()].join(', ');
        problems.push(file.problem([...where, 'seed'], label, `unknown seed '${c.seed}' (known: ${known})`));
        return;
      }
      const found = seed.finder.find(c.quote);
      if (!found) {
        problems.push(
          file.problem(
            [...where, 'quote'],
            label,
            `quote not found verbatim in seed '${c.seed}' (${seed.source.file}): "${c.quote}"`,
          ),
        );
        return;
      }
      if (seed.garbled.some((g) => found.start < g.end && g.start < found.end)) {
        problems.push(
          file.problem(
            [...where, 'quote'],
            label,
            `quote comes from a sentence marked garbled in sources: "${c.quote}"`,
          ),
        );
        return;
      }
      citations.push({ source: c.seed, quote: c.quote, start: found.start, end: found.end });
    });
    facts.push({ text: f.text, citations });
  });
  if (facts.length === 0) {
    problems.push(file.problem(at, entry, 'entity has no source: add at least one fact with a citation'));
  }
  const aliases: Alias[] = e.aliases.map((a) => ({
    text: a.text,
    caseSensitive: a.case ? a.case === 'sensitive' : !/\p{Ll}/u.test(a.text),
    ambiguous: a.ambiguous ?? false,
    variant: a.variant ?? false,
    searchOnly: a.searchOnly ?? false,
  }));
  return {
    id: e.id,
    name: e.name,
    category: e.category,
    evidence: e.evidence,
    summary: e.summary,
    aliases,
    related: e.related ?? [],
    facts,
    news: [],
  };
}

function checkIds(entities: EntityInput[], file: YamlFile, problems: Problem[]): void {
  const ids = new Set<string>();
  entities.forEach((e, i) => {
    if (ids.has(e.id))
      problems.push(file.problem(['entities', i, 'id'], `entity '${e.id}'`, `duplicate entity id '${e.id}'`));
    ids.add(e.id);
  });
  entities.forEach((e, i) =>
    (e.related ?? []).forEach((r, ri) => {
      if (!ids.has(r))
        problems.push(
          file.problem(['entities', i, 'related', ri], `entity '${e.id}'`, `related entity '${r}' does not exist`),
        );
      if (r === e.id)
        problems.push(
          file.problem(['entities', i, 'related', ri], `entity '${e.id}'`, 'an entity cannot be related to itself'),
        );
    }),
  );
}

/**
 * Two aliases collide when a page text could match both: the same text, or the same
 * text up to case where either one ignores case. A collision is allowed only when all
 * but one of the colliding aliases are searchOnly (the explicit disambiguation).
 */
function checkAliases(entities: Entity[], file: YamlFile, problems: Problem[]): void {
  const byKey = new Map<string, { entity: number; alias: number }[]>();
  entities.forEach((e, ei) =>
    e.aliases.forEach((a, ai) => {
      const key = normalizeAlias(a.text).toLowerCase();
      byKey.set(key, [...(byKey.get(key) ?? []), { entity: ei, alias: ai }]);
    }),
  );
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (let i = 1; i < group.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = entities[group[i]!.entity]!;
        const b = entities[group[j]!.entity]!;
        const aa = a.aliases[group[i]!.alias]!;
        const ba = b.aliases[group[j]!.alias]!;
        const clash = aa.text === ba.text || !aa.caseSensitive || !ba.caseSensitive;
        if (clash && !aa.searchOnly && !ba.searchOnly) {
          const where = a === b ? `twice in entity '${a.id}'` : `in entities '${b.id}' and '${a.id}'`;
          problems.push(
            file.problem(
              ['entities', group[i]!.entity, 'aliases', group[i]!.alias],
              `entity '${a.id}'`,
              `duplicate alias '${aa.text}' ${where}; keep it on one entity or mark the others searchOnly`,
            ),
          );
        }
      }
    }
  }
}

/**
 * An alias made only of everyday words must be ambiguous (lib/facts/everyday.ts); and an
 * entity whose every alias is ambiguous has no evidence to give, so it cannot claim any.
 */
function checkEverydayAliases(entities: Entity[], ranks: WordRanks, file: YamlFile, problems: Problem[]): void {
  entities.forEach((e, ei) => {
    e.aliases.forEach((a, ai) => {
      if (a.ambiguous || a.searchOnly || !isEverydayPhrase(a, ranks)) return;
      problems.push(
        file.problem(
          ['entities', ei, 'aliases', ai],
          `entity '${e.id}' alias '${a.text}'`,
          `made only of everyday English words (among the ${EVERYDAY_RANK.toLocaleString('en')} most frequent), which pages about other things use too: mark it ambiguous: true (marked only on pages about Mars exploration, and never evidence that a page is)`,
        ),
      );
    });
    const marking = e.aliases.filter((a) => !a.searchOnly);
    if (e.evidence !== 'none' && marking.length && marking.every((a) => a.ambiguous))
      problems.push(
        file.problem(
          ['entities', ei, 'evidence'],
          `entity '${e.id}'`,
          `evidence is ${e.evidence}, but every alias is ambiguous, and an ambiguous alias is never evidence: use evidence: none`,
        ),
      );
  });
}

/** Every seed sentence that mentions an entity becomes "in the news" context for it. */
function gatherNews(entities: Entity[], traps: string[], seeds: Map<string, Seed>): void {
  const matcher = new TermMatcher({ entities, traps });
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const [id, seed] of seeds) {
    for (const sentence of splitSentences(seed.text)) {
      const end = sentence.start + sentence.text.length;
      if (seed.garbled.some((g) => sentence.start < g.end && g.start < end)) continue;
      const mentioned = new Set(matcher.find(sentence.text).map((m) => m.entityId));
      for (const entityId of mentioned)
        byId.get(entityId)!.news.push({ source: id, text: sentence.text, start: sentence.start });
    }
  }
}

function pathText(path: PathKey[]): string {
  return path.length
    ? path
        .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
        .join('')
        .replace(/^\./, '')
    : '(file)';
}

/** "entity 'pixl'" or "source '002'" for a schema issue, from the raw data. */
function describeEntry(data: unknown, path: PathKey[]): string {
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const id = (data as { entities?: { id?: unknown }[] }).entities?.[path[1]]?.id;
    return typeof id === 'string' ? `entity '${id}'` : `entity #${path[1] + 1}`;
  }
  if (typeof path[0] === 'number') {
    const id = (data as { id?: unknown }[])[path[0]]?.id;
    return typeof id === 'string' ? `source '${id}'` : `source #${path[0] + 1}`;
  }
  return '';
}
