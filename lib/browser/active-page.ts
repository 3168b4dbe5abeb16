import { browser } from 'wxt/browser';
import { sendMessage } from './messages';

// The page the popup acts on: the active tab, or tab N for popup.html?tabId=N (so tests,
// and people, can open the popup as a page). Its URL comes from Mars Lens's own content
// script; pages where it cannot run (the browser's own pages) have none.

export async function activeTabId(search: string): Promise<number | undefined> {
  const asked = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

export async function pageUrl(tabId: number | undefined): Promise<string | undefined> {
  if (tabId === undefined) return undefined;
  const info = await sendMessage('pageInfo', undefined, { tabId, frameId: 0 }).catch(() => undefined);
  return info?.url;
}
