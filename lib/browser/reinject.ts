import { browser } from 'wxt/browser';

// Chromium runs manifest content scripts only in pages loaded after the extension
// starts. After an install or an update, the tabs already open would have no Mars Lens
// (or, after an update, an old instance that has found itself cut off and stopped), so
// the background puts the frame script into each of them (a frame asks for the marks'
// style itself once it has marks). Firefox does this by itself. A frame that already runs an instance keeps it (entrypoints/frame).

interface Scripting {
  executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
}

/** Tabs injected at once: an update must not make a hundred pages read themselves in the same second. */
const AT_ONCE = 4;

export async function injectIntoOpenTabs(scripting: Scripting): Promise<number> {
  // Discarded tabs have no page to inject into (they load afresh, with the manifest's
  // script, when shown); the active tabs go first.
  const tabs = (await browser.tabs.query({}))
    .filter((tab) => tab.id !== undefined && !tab.discarded)
    .sort((a, b) => Number(b.active) - Number(a.active));
  let injected = 0;
  const inject = async (tabId: number) => {
    const target = { tabId, allFrames: true };
    try {
      // Pages we may not script (the browser's own, the web store) refuse: nothing to do there.
      await scripting.executeScript({ target, files: ['frame.js'] });
      injected++;
    } catch {
      // not scriptable
    }
  };
  const queue = tabs.map((tab) => tab.id!);
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      for (let tabId = queue.shift(); tabId !== undefined; tabId = queue.shift()) await inject(tabId);
    }),
  );
  return injected;
}

export function registerReinjection(): void {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (!scripting) return;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs(scripting);
  });
}
