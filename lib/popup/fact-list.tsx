import { useEffect, useRef } from 'preact/hooks';
import { CATEGORY_LABELS } from '../facts/categories';
import { formatSource } from '../facts/format';
import type { Category, Entity, FactBase, Source } from '../facts/types';

// The popup's list of every entity by category, with its summary, its sources and,
// on demand, its facts with their verbatim quotes.

export function FactList({ base, open, results }: { base: FactBase; open?: string; results?: string[] }) {
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  if (results) {
    // Search results: best first, no categories.
    const byId = new Map(base.entities.map((e) => [e.id, e]));
    const found = results.map((id) => byId.get(id)).filter((e): e is Entity => !!e);
    return (
      <div class="fact-list">
        <section aria-labelledby="results">
          <h2 id="results" role="status">
            {found.length === 0 ? 'No matching facts' : `${found.length} match${found.length === 1 ? '' : 'es'}`}
          </h2>
          <ul>
            {found.map((e) => (
              <EntityItem key={e.id} entity={e} sources={sources} open={e.id === open} />
            ))}
          </ul>
        </section>
      </div>
    );
  }
  const groups = (Object.keys(CATEGORY_LABELS) as Category[])
    .map((category) => ({ category, entities: base.entities.filter((e) => e.category === category) }))
    .filter((g) => g.entities.length > 0);
  return (
    <div class="fact-list">
      {groups.map((g) => (
        <section key={g.category} aria-labelledby={`cat-${g.category}`}>
          <h2 id={`cat-${g.category}`}>{CATEGORY_LABELS[g.category]}</h2>
          <ul>
            {g.entities.map((e) => (
              <EntityItem key={e.id} entity={e} sources={sources} open={e.id === open} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EntityItem({ entity, sources, open }: { entity: Entity; sources: Map<string, Source>; open: boolean }) {
  const item = useRef<HTMLLIElement>(null);
  // The entity asked for (from a tooltip) opens with its facts, in view and focused.
  useEffect(() => {
    if (!open) return;
    item.current?.scrollIntoView({ block: 'start' });
    item.current?.focus();
  }, [open]);
  const cited = [...new Set(entity.facts.flatMap((f) => f.citations.map((c) => c.source)))];
  return (
    <li class="entity" data-entity={entity.id} ref={item} tabIndex={open ? -1 : undefined}>
      <h3>{entity.name}</h3>
      <p class="summary">{entity.summary}</p>
      <p class="sources">Sources: {cited.map((id) => sourceLabel(sources, id)).join(' · ')}</p>
      <details open={open}>
        <summary>
          {entity.facts.length} fact{entity.facts.length === 1 ? '' : 's'}
        </summary>
        <ul class="facts">
          {entity.facts.map((fact, i) => (
            <li key={i}>
              {fact.text}
              {fact.citations.map((c, j) => (
                <blockquote key={j}>
                  “{c.quote}” <cite>{sourceLabel(sources, c.source)}</cite>
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function sourceLabel(sources: Map<string, Source>, id: string): string {
  const source = sources.get(id);
  return source ? formatSource(source) : id;
}
