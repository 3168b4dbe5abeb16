import { browser } from 'wxt/browser';
import type { Extraction } from '../library/extract';
import { sendMessage } from './messages';
import type { ArticleCard, SavedArticle } from '../library/library';

// The popup's and the settings page's line to the library. Extraction injects entrypoints/extract.ts into the
// tab's top frame only when the reader asks to save (Readability is never in the frames'
// script), in the extension's own world, with the host access the content script already
// has: Chromium's scripting API, Firefox's tabs.executeScript.

interface Scripting {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]>;
}
interface TabsMv2 {
  executeScript(tabId: number, details: { file: string }): Promise<unknown[]>;
}

export async function extractFromTab(tabId: number): Promise<Extraction> {
  try {
    const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
    const result = scripting
      ? (await scripting.executeScript({ target: { tabId }, files: ['/extract.js'] }))[0]?.result
      : (await (browser.tabs as unknown as TabsMv2).executeScript(tabId, { file: '/extract.js' }))[0];
    const extraction = result as Extraction | undefined;
    if (!extraction || typeof extraction !== 'object' || typeof extraction.ok !== 'boolean')
      return { ok: false, reason: 'The page gave no article.' };
    return extraction;
  } catch (e) {
    return { ok: false, reason: `Mars Lens cannot read this page (${(e as Error).message}).` };
  }
}

export const library = {
  list: () => sendMessage('libraryList').catch(() => [] as ArticleCard[]),
  save: (article: SavedArticle) =>
    sendMessage('librarySave', article).catch((e: Error) => ({ ok: false as const, reason: e.message })),
  remove: (id: string) => sendMessage('libraryDelete', id).catch(() => null),
  export: (ids: string[] | null) => sendMessage('libraryExport', ids),
  import: (text: string) =>
    sendMessage('libraryImport', text).catch((e: Error) => ({ ok: false as const, reason: e.message })),
};

/** Calls fn after each change to the library (saved or deleted anywhere). */
export function watchLibrary(fn: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'library-revision' in changes) fn();
  });
}
