import MiniSearch from 'minisearch';
import type { FactBase } from '../facts/types';

// Full-text search over everything Mars Lens knows about an entity, forgiving of
// misspellings ("jazero", "pixel") and of hyphens ("x-ray"), via MiniSearch.

interface Doc {
  id: string;
  name: string;
  aliases: string;
  summary: string;
  facts: string;
}

export interface FactSearch {
  /** Entity ids, best first; empty for an empty query. */
  search(query: string): string[];
}

export function createFactSearch(base: FactBase): FactSearch {
  // Built on the first search, not when the popup opens: most opens never search.
  let built: MiniSearch<Doc> | undefined;
  const index = () => (built ??= buildIndex(base));
  return {
    search(query) {
      const q = query.trim();
      if (!q) return [];
      const hits = index().search(q);
      // Every word must count (AND); if that finds nothing, any word may (OR).
      return (hits.length ? hits : index().search(q, { combineWith: 'OR' })).map((h) => String(h.id));
    },
  };
}

function buildIndex(base: FactBase): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases', 'summary', 'facts'],
    searchOptions: {
      boost: { name: 4, aliases: 3, summary: 1.5 },
      fuzzy: (term) => (term.length > 3 ? 0.25 : 0),
      prefix: (term) => term.length > 2,
      combineWith: 'AND',
    },
  });
  index.addAll(
    base.entities.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases.map((a) => a.text).join(' · '),
      summary: e.summary,
      facts: e.facts.flatMap((f) => [f.text, ...f.citations.map((c) => c.quote)]).join(' '),
    })),
  );
  return index;
}
