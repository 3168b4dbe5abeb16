import { browser } from 'wxt/browser';
import { onMessage } from './messages';

// The toolbar badge: how many distinct terms are marked in a tab, across its frames.
// Each frame reports its own set; a tab that starts loading a new page starts over.
// Empty when nothing is marked (including when the site is switched off).

export function distinctCount(frames: ReadonlyMap<number, readonly string[]>): number {
  const ids = new Set<string>();
  for (const list of frames.values()) for (const id of list) ids.add(id);
  return ids.size;
}

export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

export function registerBadge(): void {
  const tabs = new Map<number, Map<number, string[]>>();
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const show = (tabId: number) => {
    const count = distinctCount(tabs.get(tabId) ?? new Map());
    void action.setBadgeText({ tabId, text: badgeText(count) }).catch(() => undefined);
  };
  void action.setBadgeBackgroundColor({ color: '#b3401a' }).catch(() => undefined);
  onMessage('termsFound', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frames = tabs.get(tabId) ?? new Map<number, string[]>();
    frames.set(sender.frameId ?? 0, data);
    tabs.set(tabId, frames);
    show(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && tabs.has(tabId)) {
      tabs.delete(tabId);
      show(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
}
