import { useMemo, useState } from 'preact/hooks';
import type { FactBase } from '../facts/types';
import { FactList } from './fact-list';
import { createFactSearch } from './search';
import { SiteControl, type SiteControlProps } from './site-control';

export interface PopupProps {
  base: FactBase;
  /** The entity to open (popup.html?entity=ID, from a tooltip). */
  entity?: string;
  /** The per-site control; absent while settings load. */
  site?: SiteControlProps;
}

export function Popup({ base, entity, site }: PopupProps) {
  const search = useMemo(() => createFactSearch(base), [base]);
  const [query, setQuery] = useState('');
  const results = query.trim() ? search.search(query) : undefined;
  return (
    <>
      <header>
        <h1>Mars Lens</h1>
        {site && <SiteControl {...site} />}
        <p class="tagline">Facts from {base.sources.length} source articles, each with its quote.</p>
        <input
          class="search"
          type="search"
          role="searchbox"
          aria-label="Search facts"
          placeholder="Search facts (Jezero, PIXL, x-ray…)"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </header>
      <FactList base={base} open={entity} results={results} />
    </>
  );
}
