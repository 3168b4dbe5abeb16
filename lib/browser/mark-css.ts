import { browser } from 'wxt/browser';
import { documentMarkCss } from '../page/mark-style';
import { onMessage } from './messages';

// The marks' look, put into a frame by the background when the frame first has marks
// (so a page with nothing marked, or on a switched-off site, holds no trace of it) as a
// user-origin stylesheet: no page script can see, remove or outweigh it (user
// !important rules win over the page's own !important rules), and it reaches the
// page's shadow trees too.

interface ChromiumScripting {
  insertCSS(injection: {
    target: { tabId: number; frameIds: number[] };
    css: string;
    origin: 'USER' | 'AUTHOR';
  }): Promise<void>;
}

interface FirefoxTabs {
  insertCSS(
    tabId: number,
    details: { frameId: number; code: string; cssOrigin: 'user' | 'author'; matchAboutBlank: boolean },
  ): Promise<void>;
}

export async function insertMarkCss(tabId: number, frameId: number): Promise<boolean> {
  const css = documentMarkCss();
  const scripting = (browser as unknown as { scripting?: ChromiumScripting }).scripting;
  try {
    if (scripting) await scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
    else
      await (browser.tabs as unknown as FirefoxTabs).insertCSS(tabId, {
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

export function registerMarkCss(): () => void {
  return onMessage('styleMarks', ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return false;
    return insertMarkCss(tabId, sender.frameId);
  });
}
