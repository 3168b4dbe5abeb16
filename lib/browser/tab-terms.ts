import { browser } from 'wxt/browser';
import { onMessage, type FrameTerms, type TermCount } from './messages';

// What each tab has marked, across its frames: the toolbar badge (how many distinct
// terms) and the popup's "On this page". Each frame reports its own counts; a tab that
// starts loading a new page starts over. The badge is empty when nothing is marked
// (including when the site is switched off).

export function distinctCount(frames: ReadonlyMap<number, readonly TermCount[]>): number {
  const ids = new Set<string>();
  for (const list of frames.values()) for (const t of list) ids.add(t.id);
  return ids.size;
}

export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

export function registerTabTerms(): void {
  const tabs = new Map<number, Map<number, TermCount[]>>();
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const show = (tabId: number) => {
    const count = distinctCount(tabs.get(tabId) ?? new Map());
    void action.setBadgeText({ tabId, text: badgeText(count) }).catch(() => undefined);
  };
  void action.setBadgeBackgroundColor({ color: '#b3401a' }).catch(() => undefined);
  onMessage('termsFound', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frames = tabs.get(tabId) ?? new Map<number, TermCount[]>();
    frames.set(sender.frameId ?? 0, data);
    tabs.set(tabId, frames);
    show(tabId);
  });
  onMessage('tabTerms', ({ data: tabId }): FrameTerms[] =>
    [...(tabs.get(tabId) ?? new Map<number, TermCount[]>())]
      .filter(([, terms]) => terms.length > 0)
      .map(([frameId, terms]) => ({ frameId, terms }))
      .sort((a, b) => a.frameId - b.frameId),
  );
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && tabs.has(tabId)) {
      tabs.delete(tabId);
      show(tabId);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
}
