import { useState } from 'preact/hooks';
import { formatSourceDate } from '../facts/format';
import type { ArticleCard, SavedArticle } from '../library/library';

// The reader's saved articles, newest first, each with delete; a deletion can be undone
// (the article comes back whole) until the next one. Used by the popup and the settings
// page.

export interface LibraryListProps {
  articles: readonly ArticleCard[];
  /** Deletes an article; resolves it whole (for undo), or null. */
  onDelete: (id: string) => Promise<SavedArticle | null>;
  onRestore: (article: SavedArticle) => Promise<unknown>;
  /** How many to show before "Show all". */
  first?: number;
}

export function LibraryList({ articles, onDelete, onRestore, first = Infinity }: LibraryListProps) {
  const [deleted, setDeleted] = useState<SavedArticle | undefined>();
  const [all, setAll] = useState(false);
  const newest = [...articles].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const shown = all ? newest : newest.slice(0, first);
  return (
    <section class="library" aria-labelledby="library-heading">
      <h2 id="library-heading">Your library</h2>
      <p class="status" role="status">
        {deleted ? (
          <>
            Deleted “{deleted.title}”.{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                const back = deleted;
                setDeleted(undefined);
                void onRestore(back);
              }}
            >
              Undo
            </button>
          </>
        ) : null}
      </p>
      {newest.length === 0 ? (
        <p class="none">No saved articles yet. Save one from the popup while you read it.</p>
      ) : (
        <ul class="articles">
          {shown.map((a) => (
            <li key={a.id} class="article" data-article={a.id}>
              <span class="title">{a.title}</span>{' '}
              <span class="meta">
                {a.site}
                {a.published ? `, ${formatSourceDate({ date: a.published, dateApproximate: false })}` : ''} ·{' '}
                {a.terms.length} new term{a.terms.length === 1 ? '' : 's'}, {a.quotes.length} sentence
                {a.quotes.length === 1 ? '' : 's'}
              </span>{' '}
              <button
                type="button"
                class="link delete"
                aria-label={`Delete “${a.title}” from your library`}
                onClick={async () => {
                  const gone = await onDelete(a.id);
                  if (gone) setDeleted(gone);
                }}
              >
                Delete
              </button>
            </li>
          ))}
          {newest.length > shown.length && (
            <li>
              <button type="button" class="link" onClick={() => setAll(true)}>
                Show all {newest.length}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
