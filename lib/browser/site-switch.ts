import { isSiteEnabled, type Settings } from '../settings/settings';
import { loadSettings, watchSettings } from './settings-store';

// Runs `start` while the reader's settings allow Mars Lens on this page, and aborts
// what it started the moment they stop allowing it (the popup's switch, in every open
// tab of the site, without a reload). Returns the current run's handle, if any.

export interface SiteSwitch<T> {
  readonly current: T | undefined;
}

export function followSiteSetting<T>(
  pageUrl: () => string,
  signal: AbortSignal,
  start: (signal: AbortSignal) => T,
): SiteSwitch<T> {
  let run: { controller: AbortController; value: T } | undefined;
  const apply = (settings: Settings) => {
    if (signal.aborted) return;
    const enabled = isSiteEnabled(pageUrl(), settings);
    if (enabled && !run) {
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort(), { once: true });
      run = { controller, value: start(controller.signal) };
    } else if (!enabled && run) {
      run.controller.abort();
      run = undefined;
    }
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
