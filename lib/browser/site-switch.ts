import { pageConfig, type PageConfig, type Settings } from '../settings/settings';
import { loadSettings, watchSettings } from './settings-store';

// Runs `start` while the reader's settings allow Mars Lens on this page, and aborts
// what it started the moment they stop allowing it (the popup's switch, in every open
// tab of the site, without a reload). A change to what this page needs (a term muted
// here, the marking style, the hover delay) starts it again with the new config; a
// change elsewhere (another site's entry) leaves it alone. Returns the current run.

export interface SiteSwitch<T> {
  readonly current: T | undefined;
}

export function followSiteSetting<T>(
  pageUrl: () => string,
  signal: AbortSignal,
  start: (signal: AbortSignal, config: PageConfig) => T,
): SiteSwitch<T> {
  let run: { controller: AbortController; value: T; key: string } | undefined;
  const apply = (settings: Settings) => {
    if (signal.aborted) return;
    const config = pageConfig(pageUrl(), settings);
    const key = JSON.stringify(config ?? null);
    if (run?.key === key) return;
    run?.controller.abort();
    run = undefined;
    if (!config) return;
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    run = { controller, key, value: start(controller.signal, config) };
  };
  void loadSettings().then(apply);
  const unwatch = watchSettings(apply);
  signal.addEventListener('abort', unwatch, { once: true });
  return {
    get current() {
      return run?.value;
    },
  };
}
