import { browser } from 'wxt/browser';

// "Look up in Mars Lens" on selected text: the popup's search, in a tab, with the
// selection as the query. The menu item appears only over a selection.

export const LOOK_UP = 'look-up';
/** Longer selections are cut: a search query, not a page. */
const MAX_QUERY = 100;

export function lookUpUrl(selection: string): string {
  const query = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  return browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`);
}

/**
 * Made again each time the background starts. Chromium keeps menu items across worker
 * restarts but Firefox does not keep them across a browser restart (where only
 * onStartup fires, not onInstalled), so creating them on install alone lost the item.
 * Removing first makes a second creation harmless (a duplicate id is an error).
 */
export function createMenu(): Promise<void> {
  return browser.contextMenus.removeAll().then(
    () =>
      new Promise<void>((resolve) => {
        browser.contextMenus.create(
          { id: LOOK_UP, title: 'Look up “%s” in Mars Lens', contexts: ['selection'] },
          // Reading lastError here keeps a failure from being reported as unchecked.
          () => resolve(void browser.runtime.lastError),
        );
      }),
  );
}

export function registerContextMenu(): void {
  void createMenu().catch(() => undefined);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOK_UP || !info.selectionText) return;
    void browser.tabs.create({ url: lookUpUrl(info.selectionText), index: tab ? tab.index + 1 : undefined });
  });
}
