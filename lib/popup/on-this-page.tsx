import { useRef, useState } from 'preact/hooks';
import type { Entity } from '../facts/types';
import type { PageTerm } from './occurrence';

// The terms marked on the page in front of the reader, with how often each appears.
// Choosing one shows it on the page; choosing it again goes on to its next mention.
// The most frequent come first; a long list is cut to keep search and browse in view.

const FIRST = 8;

export interface OnThisPageProps {
  terms: PageTerm[] | undefined;
  entities: ReadonlyMap<string, Entity>;
  /** Show the kth mention (counting every choice of the term so far). */
  onShow: (entityId: string, k: number) => void;
}

export function OnThisPage({ terms, entities, onShow }: OnThisPageProps) {
  const chosen = useRef(new Map<string, number>());
  const [all, setAll] = useState(false);
  if (!terms) return null;
  const known = terms.filter((t) => entities.has(t.id));
  const shown = all ? known : known.slice(0, FIRST);
  return (
    <section class="on-this-page" aria-labelledby="on-this-page">
      <h2 id="on-this-page">On this page</h2>
      {known.length === 0 ? (
        <p class="none">No terms marked on this page.</p>
      ) : (
        <ul class="chips">
          {shown.map((t) => {
            const name = entities.get(t.id)!.name;
            return (
              <li key={t.id}>
                <button
                  type="button"
                  class="chip"
                  data-entity={t.id}
                  aria-label={`${name}, ${t.count} mention${t.count === 1 ? '' : 's'}: show on the page`}
                  onClick={() => {
                    const k = chosen.current.get(t.id) ?? 0;
                    chosen.current.set(t.id, k + 1);
                    onShow(t.id, k);
                  }}
                >
                  <span class="name">{name}</span> <span class="count">{t.count}</span>
                </button>
              </li>
            );
          })}
          {known.length > shown.length && (
            <li>
              <button type="button" class="chip more" onClick={() => setAll(true)}>
                {known.length - shown.length} more<span class="visually-hidden"> terms on this page</span>…
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
