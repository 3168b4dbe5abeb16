import { browser } from 'wxt/browser';
import { isSiteEnabled, setSiteEnabled } from '../settings/settings';
import { sendMessage, type Direction } from './messages';
import { changeSettings } from './settings-writer';

// Keyboard commands (see the manifest's `commands`): they act on the active tab.

export const COMMAND_DIRECTIONS: Record<string, Direction> = {
  'next-term': 1,
  'previous-term': -1,
};

export const TOGGLE_SITE = 'toggle-site';

export function registerCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === TOGGLE_SITE) return toggleSite(tab.id);
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction) return;
    // The top frame answers; pages where no content script runs (the browser's own
    // pages) simply have no receiver.
    await sendMessage('stepTerm', direction, { tabId: tab.id, frameId: 0 }).catch(() => false);
  });
}

/**
 * Switches marking off (or on) for the site of a tab, as the popup's switch does. The
 * page's URL comes from our content script, so no "tabs" permission is needed; a page
 * where it cannot run has no site to switch.
 */
export async function toggleSite(tabId: number): Promise<boolean> {
  const info = await sendMessage('pageInfo', undefined, { tabId, frameId: 0 }).catch(() => undefined);
  if (!info?.url) return false;
  await changeSettings((s) => setSiteEnabled(s, info.url, !isSiteEnabled(info.url, { ...s, paused: false })));
  return true;
}
