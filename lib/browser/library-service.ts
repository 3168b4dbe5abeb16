import { browser } from 'wxt/browser';
import type { Entity, FactBase } from '../facts/types';
import { exportPack, PACK_LIMITS, parsePack } from '../library/fact-pack';
import { libraryEntities, type ArticleCard } from '../library/library';
import { allCards, articlesById, deleteArticle, openLibrary, putArticles, type LibraryDb } from '../library/store';
import { onMessage } from './messages';

// The background's side of the library (lib/library): the one writer of its IndexedDB,
// and what the term service reads to mark saved terms and quote saved articles. Every
// change bumps a revision in storage, which every open frame follows (it reads its page
// again with the library as it is now), so a deletion takes effect in every tab.

export const LIBRARY_REVISION = 'library-revision';

export interface Library {
  /** The articles' cards (no text), as stored now. */
  cards(): Promise<ArticleCard[]>;
  /** The entities the saved terms add. */
  entities(): Promise<Entity[]>;
  /** The revision now (0 before the first change). */
  revision(): Promise<number>;
  /** Calls fn after each change (the term service drops what it built from the old library). */
  onChange(fn: () => void): void;
}

export function registerLibrary(base: FactBase): Library {
  const known = new Set(base.entities.map((e) => e.id));
  let db: Promise<LibraryDb> | undefined;
  const open = () => (db ??= openLibrary());
  let cards: Promise<ArticleCard[]> | undefined;
  let entities: Promise<Entity[]> | undefined;
  const listeners: (() => void)[] = [];
  const current = () => (cards ??= open().then(allCards));
  // One change at a time, each on the library as the last one left it.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const changed = async () => {
    cards = undefined;
    entities = undefined;
    listeners.forEach((fn) => fn());
    await browser.storage.local.set({ [LIBRARY_REVISION]: Date.now() });
  };
  // Another copy of the background (or a restart) changed it: read it again.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && LIBRARY_REVISION in changes) {
      cards = undefined;
      entities = undefined;
      listeners.forEach((fn) => fn());
    }
  });

  const refuse = (reason: string) => ({ ok: false as const, reason });
  onMessage('librarySave', ({ data }) =>
    serially(async () => {
      // Checked as an import is: what a popup sends is no more trusted than a file.
      const checked = parsePack(exportPack([data]), known);
      if (!checked.ok) return refuse(checked.reason.replace(/^articles\[0\]\.?/, ''));
      const have = await current();
      if (!have.some((a) => a.id === data.id) && have.length >= PACK_LIMITS.articles)
        return refuse(`The library holds ${PACK_LIMITS.articles} articles at most: delete some first.`);
      await putArticles(await open(), checked.articles);
      await changed();
      return { ok: true as const };
    }),
  );
  onMessage('libraryList', () => current());
  onMessage('libraryDelete', ({ data: id }) =>
    serially(async () => {
      const gone = await deleteArticle(await open(), String(id));
      if (gone) await changed();
      return gone ?? null;
    }),
  );
  onMessage('libraryExport', async ({ data: ids }) =>
    exportPack(await articlesById(await open(), Array.isArray(ids) ? ids.map(String) : undefined)),
  );
  onMessage('libraryImport', ({ data: text }) =>
    serially(async () => {
      const pack = parsePack(String(text), known);
      if (!pack.ok) return pack;
      const have = new Set((await current()).map((a) => a.id));
      const added = pack.articles.filter((a) => !have.has(a.id)).length;
      if (have.size + added > PACK_LIMITS.articles)
        return refuse(`The library would hold more than ${PACK_LIMITS.articles} articles: nothing was imported.`);
      await putArticles(await open(), pack.articles);
      await changed();
      return { ok: true as const, count: pack.articles.length };
    }),
  );

  return {
    cards: current,
    entities: () => (entities ??= current().then((c) => libraryEntities(c, base.entities))),
    revision: async () => Number((await browser.storage.local.get(LIBRARY_REVISION))[LIBRARY_REVISION] ?? 0),
    onChange: (fn) => listeners.push(fn),
  };
}
