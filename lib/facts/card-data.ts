import { CATEGORY_NAMES } from './categories';
import { formatSource } from './format';
import { relevantFacts } from './relevant-facts';
import type { ReadingQuote } from '../library/library';
import type { Entity, Source } from './types';

// What a tooltip card says about an entity, as plain data: made where the fact base is
// (the extension's background) and sent to the frame that shows it, so frames never
// hold summaries, facts or quotes they are not showing.

export interface CardData {
  entityId: string;
  name: string;
  /** The category's name, as shown ("Instrument"). */
  category: string;
  summary: string;
  /** The facts most relevant to the page (at most three), each with its sources. */
  facts: { text: string; citations: { source: string; quote: string }[] }[];
  /** How many facts Mars Lens has about the entity in all. */
  factCount: number;
  /** "From your reading": sentences of the reader's saved articles that mention it. */
  reading?: ReadingQuote[];
}

export interface CardSource {
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
}

/** The card for entityId on a page that also marks the entities onPage; undefined if unknown. */
export function cardData(base: CardSource, entityId: string, onPage: readonly string[]): CardData | undefined {
  const entity = base.entities.get(entityId);
  if (!entity) return undefined;
  const names = onPage.map((id) => base.entities.get(id)?.name ?? '').filter(Boolean);
  return {
    entityId: entity.id,
    name: entity.name,
    category: CATEGORY_NAMES[entity.category],
    summary: entity.summary,
    facts: relevantFacts(entity, names).map((fact) => ({
      text: fact.text,
      citations: fact.citations.map((c) => {
        const source = base.sources.get(c.source);
        return { source: source ? formatSource(source) : c.source, quote: c.quote };
      }),
    })),
    factCount: entity.facts.length,
  };
}
