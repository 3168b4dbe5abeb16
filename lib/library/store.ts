import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { cardOf, type ArticleCard, type SavedArticle } from './library';

// The library on disk: IndexedDB in the extension's own origin (never a page's), through
// idb. Two stores: the articles whole (for export and checking), and their cards without
// the text (what the background keeps at hand for marking, cards and search, so a
// background that wakes reads kilobytes, not the articles). Each change is one
// transaction over both, so they never disagree.

interface LibrarySchema extends DBSchema {
  articles: { key: string; value: SavedArticle };
  cards: { key: string; value: ArticleCard };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

export function openLibrary(): Promise<LibraryDb> {
  return openDB<LibrarySchema>('mars-lens-library', 1, {
    upgrade(db) {
      db.createObjectStore('articles', { keyPath: 'id' });
      db.createObjectStore('cards', { keyPath: 'id' });
    },
  });
}

export async function putArticles(db: LibraryDb, articles: readonly SavedArticle[]): Promise<void> {
  const tx = db.transaction(['articles', 'cards'], 'readwrite');
  for (const a of articles) {
    void tx.objectStore('articles').put(a);
    void tx.objectStore('cards').put(cardOf(a));
  }
  await tx.done;
}

/** Takes an article out; returns it whole (for undo), or undefined if it was not there. */
export async function deleteArticle(db: LibraryDb, id: string): Promise<SavedArticle | undefined> {
  const tx = db.transaction(['articles', 'cards'], 'readwrite');
  const article = await tx.objectStore('articles').get(id);
  void tx.objectStore('articles').delete(id);
  void tx.objectStore('cards').delete(id);
  await tx.done;
  return article;
}

export const allCards = (db: LibraryDb): Promise<ArticleCard[]> => db.getAll('cards');

export async function articlesById(db: LibraryDb, ids?: readonly string[]): Promise<SavedArticle[]> {
  if (!ids) return db.getAll('articles');
  const found = await Promise.all(ids.map((id) => db.get('articles', id)));
  return found.filter((a): a is SavedArticle => !!a);
}
