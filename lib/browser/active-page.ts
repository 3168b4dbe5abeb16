import { browser } from 'wxt/browser';
import { sendMessage } from './messages';

// The page the popup acts on: the active tab, or tab N for popup.html?tabId=N (so tests,
// and people, can open the popup as a page). Its URL comes from Mars Lens's own content
// script; pages where it cannot run (the browser's own pages) have none.

export interface ActivePage {
  tabId: number | undefined;
  url: string | undefined;
}

export async function activePage(search: string): Promise<ActivePage> {
  const asked = Number(new URLSearchParams(search).get('tabId'));
  const tabId =
    Number.isInteger(asked) && asked > 0
      ? asked
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { tabId, url: undefined };
  const info = await sendMessage('pageInfo', undefined, { tabId, frameId: 0 }).catch(() => undefined);
  return { tabId, url: info?.url };
}
