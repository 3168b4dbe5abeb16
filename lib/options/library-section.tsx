import { useState } from 'preact/hooks';
import type { ArticleCard, SavedArticle } from '../library/library';
import { LibraryList } from '../popup/library-list';

// The settings page's library: every saved article with delete (and undo), the library
// exported as a fact pack, and a fact pack from someone else imported. An import is
// checked whole in the background (lib/library/fact-pack.ts); a file with any problem
// is refused with its reason and nothing changes.

export interface LibrarySectionProps {
  articles: readonly ArticleCard[];
  onDelete: (id: string) => Promise<SavedArticle | null>;
  onRestore: (article: SavedArticle) => Promise<unknown>;
  exportPack: () => Promise<string>;
  importPack: (text: string) => Promise<{ ok: true; count: number } | { ok: false; reason: string }>;
  download: (fileName: string, text: string) => void;
}

export function LibrarySection(props: LibrarySectionProps) {
  const [told, setTold] = useState<{ ok: boolean; text: string } | undefined>();
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const answer = await props.importPack(await file.text());
    setTold(
      answer.ok
        ? { ok: true, text: `${file.name}: ${answer.count} article${answer.count === 1 ? '' : 's'} imported.` }
        : { ok: false, text: `${file.name} was not imported. ${answer.reason} Your library is unchanged.` },
    );
  };
  return (
    <>
      <LibraryList articles={props.articles} onDelete={props.onDelete} onRestore={props.onRestore} />
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading">Fact packs</h2>
        <p class="hint">
          A fact pack holds saved articles with their terms and sentences, to keep or to share. Everything stays on this
          computer unless you send the file to someone.
        </p>
        <div class="row">
          <button
            type="button"
            disabled={props.articles.length === 0}
            onClick={async () => props.download('mars-lens-fact-pack.json', await props.exportPack())}
          >
            Export the library
          </button>
          <label class="file">
            Import a fact pack{' '}
            <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e.currentTarget)} />
          </label>
        </div>
        {told && (
          <p class={told.ok ? 'ok' : 'error'} role={told.ok ? 'status' : 'alert'}>
            {told.text}
          </p>
        )}
      </section>
    </>
  );
}
