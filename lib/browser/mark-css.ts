import { browser } from 'wxt/browser';
import { documentMarkCss } from '../page/mark-style';
import { onMessage } from './messages';

// The marks' look, put into a frame by the background when the frame first has marks
// (so a page with nothing marked, or on a switched-off site, holds no trace of it) as a
// user-origin stylesheet: no page script can see, remove or outweigh it (user
// !important rules win over the page's own !important rules), and it reaches the
// page's shadow trees too.

type ChromiumInjection = { target: { tabId: number; frameIds: number[] }; css: string; origin: 'USER' | 'AUTHOR' };
interface ChromiumScripting {
  insertCSS(injection: ChromiumInjection): Promise<void>;
  removeCSS(injection: ChromiumInjection): Promise<void>;
}

type FirefoxDetails = { frameId: number; code: string; cssOrigin: 'user' | 'author'; matchAboutBlank: boolean };
interface FirefoxTabs {
  insertCSS(tabId: number, details: FirefoxDetails): Promise<void>;
  removeCSS(tabId: number, details: FirefoxDetails): Promise<void>;
}

async function markCss(action: 'insertCSS' | 'removeCSS', tabId: number, frameId: number): Promise<boolean> {
  const css = documentMarkCss();
  const scripting = (browser as unknown as { scripting?: ChromiumScripting }).scripting;
  try {
    if (scripting) await scripting[action]({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
    else
      await (browser.tabs as unknown as FirefoxTabs)[action](tabId, {
        frameId,
        code: css,
        cssOrigin: 'user',
        matchAboutBlank: true,
      });
    return true;
  } catch {
    return false;
  }
}

/** Gives a frame the marks' look; false where it cannot be given. */
export const insertMarkCss = (tabId: number, frameId: number) => markCss('insertCSS', tabId, frameId);

/** Takes it away again (the frame's marks are gone: its site was switched off). */
export const removeMarkCss = (tabId: number, frameId: number) => markCss('removeCSS', tabId, frameId);

export function registerMarkCss(): () => void {
  const from = (sender: { tab?: { id?: number }; frameId?: number }, act: typeof insertMarkCss) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return false;
    return act(tabId, sender.frameId);
  };
  const stops = [
    onMessage('styleMarks', ({ sender }) => from(sender, insertMarkCss)),
    onMessage('unstyleMarks', ({ sender }) => from(sender, removeMarkCss)),
  ];
  return () => stops.forEach((stop) => stop());
}
