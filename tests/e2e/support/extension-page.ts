import type { TestPage } from './browsers';

// What a test asks of the browser through one of the extension's own pages: tab ids,
// the URLs of the extension's own tabs, the badge, and messages to a tab (the same
// ones the background sends). Extension pages need no "tabs" permission for these.

interface Api {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object, options: object): Promise<unknown>;
  };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
}

/** The id of the newest tab other than the extension page itself. */
export function newestOtherTabId(ext: TestPage): Promise<number> {
  return ext.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const self = await api.tabs.getCurrent();
    return Math.max(...(await api.tabs.query({})).map((t) => t.id!).filter((id) => id !== self?.id));
  });
}

/** URLs of open tabs that show the extension's own pages (others read as ''). */
export function ownTabUrls(ext: TestPage): Promise<string[]> {
  return ext.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (await (g.browser ?? g.chrome).tabs.query({})).map((t) => t.url ?? '');
  });
}

/** The toolbar badge text of a tab. */
export function badgeText(ext: TestPage, tabId: number): Promise<string> {
  return ext.evaluate(async (tabId) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const action = g.browser?.action ?? g.browser?.browserAction ?? g.chrome.action!;
    return action.getBadgeText({ tabId });
  }, tabId);
}

/** Sends a protocol message (lib/browser/messages.ts) to a tab's top frame; returns its answer. */
export function sendToTab<T>(ext: TestPage, tabId: number, type: string, data: unknown): Promise<T | undefined> {
  return ext.evaluate(
    async ({ tabId, type, data }) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const reply = (await (g.browser ?? g.chrome).tabs.sendMessage(
        tabId,
        { id: 1, type, data, timestamp: Date.now() },
        { frameId: 0 },
      )) as { res?: unknown } | undefined;
      return reply?.res as never;
    },
    { tabId, type, data },
  );
}

/** Centre and state of the popup's switch whose label contains text. */
export function switchAt(popup: TestPage, text: string) {
  return popup.evaluate((text) => {
    const input = [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) =>
      i.closest('label')!.textContent!.includes(text),
    )!;
    const r = input.getBoundingClientRect();
    return {
      x: r.left + r.width / 2,
      y: r.top + r.height / 2,
      checked: input.checked,
      label: input.closest('label')!.textContent,
    };
  }, text);
}

/** Opens the popup as a page acting on the newest other tab; returns the tab's id. */
export async function openPopupFor(popup: TestPage, extensionBase: string): Promise<number> {
  await popup.goto(`${extensionBase}popup.html`);
  const tabId = await newestOtherTabId(popup);
  await popup.goto(`${extensionBase}popup.html?tabId=${tabId}`);
  return tabId;
}

/** The popup's "On this page" chips: entity id, count, accessible name, centre. */
export function chips(popup: TestPage) {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.on-this-page button.chip[data-entity]')].map((b) => {
      const r = b.getBoundingClientRect();
      return {
        id: b.dataset.entity!,
        count: Number(b.querySelector('.count')!.textContent),
        label: b.getAttribute('aria-label')!,
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
      };
    }),
  );
}
