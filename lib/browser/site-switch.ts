import { browser } from 'wxt/browser';
import type { PageConfig } from '../settings/settings';
import { childController } from '../dom/child-signal';
import { quietly } from './extension-life';
import { sendMessage } from './messages';

// Runs `start` while the reader's settings allow Mars Lens on this page, and aborts
// what it started the moment they stop allowing it (the popup's switch, in every open
// tab of the site, without a reload). A change to what this page needs (a term muted
// here, the marking style, the hover delay) starts it again with the new config; a
// change elsewhere (another site's entry) leaves it alone. Returns the current run.
//
// The frame never reads or validates settings itself: it asks the background once
// (one message: all a switched-off site costs), and again only when they change.

export interface SiteSwitch<T> {
  readonly current: T | undefined;
}

export function followSiteSetting<T>(
  pageUrl: () => string,
  signal: AbortSignal,
  start: (signal: AbortSignal, config: PageConfig & { library?: number }) => T,
  /** The background did not answer: the extension may be gone. */
  onFailure: () => void = () => undefined,
): SiteSwitch<T> {
  let run: { controller: AbortController; value: T; key: string } | undefined;
  let asked = 0;
  const apply = (config: (PageConfig & { library?: number }) | null) => {
    if (signal.aborted) return;
    const key = JSON.stringify(config);
    if (run?.key === key) return;
    run?.controller.abort();
    run = undefined;
    if (!config) return;
    const controller = childController(signal);
    run = { controller, key, value: start(controller.signal, config) };
  };
  const ask = () => {
    const n = ++asked;
    sendMessage('frameConfig', pageUrl()).then(
      // Only the answer to the latest question counts.
      (config) => n === asked && apply(config ?? null),
      onFailure,
    );
  };
  ask();
  const onChanged = (changes: Record<string, unknown>) => {
    // The settings, or the library (its revision is part of the config: lib/browser/library-service.ts).
    if (Object.keys(changes).some((k) => k.startsWith('settings') || k === 'library-revision')) ask();
  };
  browser.storage.onChanged.addListener(onChanged);
  // A script whose extension is gone has no storage API left to remove it from.
  signal.addEventListener('abort', () => quietly(() => browser.storage.onChanged.removeListener(onChanged)), {
    once: true,
  });
  return {
    get current() {
      return run?.value;
    },
  };
}
