import { browser } from 'wxt/browser';
import { sendMessage, type Direction } from './messages';

// Keyboard commands (see the manifest's `commands`): they act on the active tab.

export const COMMAND_DIRECTIONS: Record<string, Direction> = {
  'next-term': 1,
  'previous-term': -1,
};

export function registerCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    const direction = COMMAND_DIRECTIONS[command];
    if (!direction) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // The top frame answers; pages where no content script runs (the browser's own
    // pages) simply have no receiver.
    await sendMessage('stepTerm', direction, { tabId: tab.id, frameId: 0 }).catch(() => false);
  });
}
