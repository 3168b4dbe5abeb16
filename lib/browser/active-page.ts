import { browser } from 'wxt/browser';
import { sendMessage } from './messages';

// The page the popup acts on: the active tab, or tab N for popup.html?tabId=N (so tests,
// and people, can open the popup as a page). Its URL comes from Mars Lens's own content
// script; pages where it cannot run (the browser's own pages) have none.

export async function activeTabId(search: string): Promise<number | undefined> {
  const asked = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const active = (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // Firefox for Android shows the popup as a tab of its own, which is then the active
  // one: the page it acts on is the tab the reader was on before.
  const own = await ownTab();
  if (!own || active?.id !== own.id) return active?.id;
  const others = (await browser.tabs.query({ currentWindow: true })).filter((t) => t.id !== own.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

/** The tab this page is shown in, when it is shown as a tab (not as a popup). */
export async function ownTab(): Promise<{ id?: number } | undefined> {
  try {
    return (await browser.tabs.getCurrent()) ?? undefined;
  } catch {
    return undefined;
  }
}

export async function pageUrl(tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined) return undefined;
  const info = await sendMessage('pageInfo', undefined, { tabId, frameId: 0 }).catch(() => undefined);
  return info?.url;
}
