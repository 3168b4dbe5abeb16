import type { Entity, Fact } from '../facts/types';

// A tooltip has room for a few facts. The most relevant ones are those that speak of
// other things this page mentions (a PIXL tooltip on a page about Jezero leads with
// the fact that names Jezero); ties keep the fact file's own order, which puts the
// defining fact first.

export function relevantFacts(entity: Entity, namesOnPage: readonly string[], limit = 3): Fact[] {
  const names = namesOnPage.map((n) => n.toLowerCase()).filter((n) => n !== entity.name.toLowerCase());
  const score = (fact: Fact) => {
    const text = fact.text.toLowerCase();
    return names.reduce((sum, name) => sum + (text.includes(name) ? 1 : 0), 0);
  };
  return entity.facts
    .map((fact, order) => ({ fact, order, score: score(fact) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.fact);
}
