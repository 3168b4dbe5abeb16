import { useEffect, useRef } from 'preact/hooks';
import { CATEGORY_LABELS } from '../facts/categories';
import { formatSource } from '../facts/format';
import type { Category, Entity, FactBase, Source } from '../facts/types';

// The popup's list of every entity by category, with its summary, its sources and,
// on demand, everything known about it: its facts with their verbatim quotes, the
// news sentences that mention it, its other names and its related entities.

interface FactListProps {
  base: FactBase;
  open?: string;
  results?: string[];
  onOpenEntity: (entityId: string) => void;
}

export function FactList({ base, open, results, onOpenEntity }: FactListProps) {
  const sources = new Map(base.sources.map((s) => [s.id, s]));
  const names = new Map(base.entities.map((e) => [e.id, e.name]));
  const item = (e: Entity) => (
    <EntityItem
      key={e.id}
      entity={e}
      sources={sources}
      names={names}
      open={e.id === open}
      onOpenEntity={onOpenEntity}
    />
  );
  if (results) {
    // Search results: best first, no categories.
    const byId = new Map(base.entities.map((e) => [e.id, e]));
    const found = results.map((id) => byId.get(id)).filter((e): e is Entity => !!e);
    return (
      <div class="fact-list">
        <section aria-labelledby="results">
          <h2 id="results" aria-live="polite">
            {found.length === 0 ? 'No matching facts' : `${found.length} match${found.length === 1 ? '' : 'es'}`}
          </h2>
          <ul>{found.map(item)}</ul>
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
          <ul>{g.entities.map(item)}</ul>
        </section>
      ))}
    </div>
  );
}

interface EntityItemProps {
  entity: Entity;
  sources: Map<string, Source>;
  names: Map<string, string>;
  open: boolean;
  onOpenEntity: (entityId: string) => void;
}

function EntityItem({ entity, sources, names, open, onOpenEntity }: EntityItemProps) {
  const item = useRef<HTMLLIElement>(null);
  // The entity asked for (from a tooltip) opens with its facts, in view and focused.
  useEffect(() => {
    if (!open) return;
    item.current?.scrollIntoView({ block: 'start' });
    item.current?.focus();
  }, [open]);
  // A term learned from the reader's saved articles: its sentences are all it has.
  const learned = entity.category === 'term';
  const cited = learned
    ? [...new Set(entity.news.map((n) => n.source))]
    : [...new Set(entity.facts.flatMap((f) => f.citations.map((c) => c.source)))];
  const shown = entity.aliases.filter((a) => !a.searchOnly && a.text !== entity.name);
  const otherNames = shown.filter((a) => !a.variant).map((a) => a.text);
  const variants = shown.filter((a) => a.variant).map((a) => a.text);
  return (
    <li class="entity" data-entity={entity.id} ref={item} tabIndex={open ? -1 : undefined}>
      <h3>{entity.name}</h3>
      <p class="summary">{entity.summary}</p>
      <p class="sources">Sources: {cited.map((id) => sourceLabel(sources, id)).join(' · ')}</p>
      <details open={open}>
        {/* Read alone (a screen reader's list of controls), "3 facts" says whose. */}
        <summary>
          {learned
            ? `${entity.news.length} sentence${entity.news.length === 1 ? '' : 's'} from your reading`
            : `${entity.facts.length} fact${entity.facts.length === 1 ? '' : 's'}`}
          <span class="visually-hidden"> about {entity.name}</span>
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
        {entity.news.length > 0 && (
          <>
            <h4>{learned ? 'From your reading' : 'In the news'}</h4>
            <ul class="news">
              {entity.news.map((n, i) => (
                <li key={i}>
                  {n.text} <cite>{sourceLabel(sources, n.source)}</cite>
                </li>
              ))}
            </ul>
          </>
        )}
        {otherNames.length > 0 && <p class="names">Also called: {otherNames.join(', ')}</p>}
        {variants.length > 0 && <p class="names">Variant spellings: {variants.join(', ')}</p>}
        {entity.related.length > 0 && (
          <p class="related">
            Related:{' '}
            {entity.related.map((id, i) => (
              <>
                {i > 0 && ', '}
                <button type="button" class="link" onClick={() => onOpenEntity(id)}>
                  {names.get(id) ?? id}
                </button>
              </>
            ))}
          </p>
        )}
      </details>
    </li>
  );
}

function sourceLabel(sources: Map<string, Source>, id: string): string {
  const source = sources.get(id);
  return source ? formatSource(source) : id;
}
