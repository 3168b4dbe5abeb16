import { describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import { cardData } from '../../lib/facts/card-data';
import { formatSource } from '../../lib/facts/format';

// The card a frame is sent: made in the background from the fact base, with the facts
// that fit the page and each source as the reader sees it.

const base = {
  entities: new Map(factBase.entities.map((e) => [e.id, e])),
  sources: new Map(factBase.sources.map((s) => [s.id, s])),
};

describe('cardData', () => {
  it('carries the entity, up to three facts with their outlets and quotes, and the fact count', () => {
    const pixl = base.entities.get('pixl')!;
    const card = cardData(base, 'pixl', [])!;
    expect(card).toMatchObject({ entityId: 'pixl', name: pixl.name, category: 'Instrument', summary: pixl.summary });
    expect(card.factCount).toBe(pixl.facts.length);
    expect(card.facts).toHaveLength(Math.min(3, pixl.facts.length));
    const first = pixl.facts[0]!.citations[0]!;
    expect(card.facts[0]!.citations[0]).toEqual({
      source: formatSource(base.sources.get(first.source)!),
      quote: first.quote,
    });
  });

  it('leads with the facts that name other entities on the page (sent as ids)', () => {
    // An entity whose first fact does not name another one that a later fact does.
    const names = (t: string, name: string) => t.toLowerCase().includes(name.toLowerCase());
    const pair = [...base.entities.values()]
      .flatMap((e) => [...base.entities.values()].filter((o) => o.id !== e.id).map((o) => [e, o] as const))
      .find(([e, o]) => !names(e.facts[0]!.text, o.name) && e.facts.slice(1).some((f) => names(f.text, o.name)));
    if (!pair) throw new Error('the fact base has no entity with a later fact naming another');
    const [e, o] = pair;
    expect(names(cardData(base, e.id, [])!.facts[0]!.text, o.name)).toBe(false);
    expect(names(cardData(base, e.id, [o.id, e.id])!.facts[0]!.text, o.name)).toBe(true);
  });

  it('knows nothing of an unknown entity', () => {
    expect(cardData(base, 'no-such-thing', [])).toBeUndefined();
  });
});
