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

export function registerContextMenu(): void {
  // Menu items outlive the service worker; create them once per install or update.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: LOOK_UP, title: 'Look up “%s” in Mars Lens', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOK_UP || !info.selectionText) return;
    void browser.tabs.create({ url: lookUpUrl(info.selectionText), index: tab ? tab.index + 1 : undefined });
  });
}
