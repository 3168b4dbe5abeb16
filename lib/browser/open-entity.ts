import { browser } from 'wxt/browser';
import { onMessage } from './messages';

// "Open in Mars Lens" from a tooltip: the entity's page in the popup's UI, in a tab.

export function entityUrl(entityId: string): string {
  return browser.runtime.getURL(`/popup.html?entity=${encodeURIComponent(entityId)}`);
}

export function registerOpenEntity(): void {
  onMessage('openEntity', async ({ data, sender }) => {
    await browser.tabs.create({ url: entityUrl(data), index: sender.tab ? sender.tab.index + 1 : undefined });
  });
}
