import { useMemo, useState } from 'preact/hooks';
import type { FactBase } from '../facts/types';
import { FactList } from './fact-list';
import { LibraryList, type LibraryListProps } from './library-list';
import { OnThisPage, type OnThisPageProps } from './on-this-page';
import { SaveArticle, type SaveArticleProps } from './save-article';
import { createFactSearch } from './search';
import { SiteControl, type SiteControlProps } from './site-control';

export interface PopupProps {
  base: FactBase;
  /** The entity to open (popup.html?entity=ID, from a tooltip). */
  entity?: string;
  /** The search to start with (popup.html?q=…, from "Look up in Mars Lens"). */
  query?: string;
  /** The per-site control; absent while settings load. */
  site?: SiteControlProps;
  /** The terms on the page; absent where there is no page (the popup opened as a tab by itself). */
  onPage?: Pick<OnThisPageProps, 'terms' | 'onShow'>;
  onOpenOptions?: () => void;
  /** "Save this article": where the page is a web page Mars Lens can read. */
  save?: SaveArticleProps;
  /** The reader's saved articles, once known. */
  library?: Omit<LibraryListProps, 'first'>;
}

export function Popup({
  base,
  entity,
  query: initialQuery = '',
  site,
  onPage,
  onOpenOptions,
  save,
  library,
}: PopupProps) {
  const search = useMemo(() => createFactSearch(base), [base]);
  const entities = useMemo(() => new Map(base.entities.map((e) => [e.id, e])), [base]);
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(entity);
  const results = query.trim() ? search.search(query) : undefined;
  return (
    <>
      <header>
        <div class="title">
          <h1>Mars Lens</h1>
          {onOpenOptions && (
            <button type="button" class="link" onClick={onOpenOptions}>
              Settings
            </button>
          )}
        </div>
        {site && <SiteControl {...site} />}
        {onPage && <OnThisPage {...onPage} entities={entities} />}
        {save && <SaveArticle {...save} />}
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
      {library && library.articles.length > 0 && !results && <LibraryList {...library} first={3} />}
      <FactList
        base={base}
        open={open}
        results={results}
        onOpenEntity={(id) => {
          setQuery('');
          setOpen(id);
        }}
      />
    </>
  );
}
