import { quietly } from './extension-life';
import type { TermCount } from './messages';
import { onMessage, sendMessage } from './messages';

// A frame's reports to the background's tab state (lib/browser/tab-terms.ts), which
// follow the page's lifecycle:
// - each report names this document (a random token the page never sees), so a late
//   farewell from a page that was left cannot erase the terms of the page now shown;
// - pagehide (the frame removed, the page left or put in the back/forward cache) says
//   the frame has nothing any more; pageshow from that cache says its terms again,
//   after the tab's own "loading" (which starts the tab's state over) has been seen;
// - a prerendered page says nothing until it is shown;
// - the background can ask a frame that reported terms for its token (frameDoc), to
//   drop frames that went away without a word.
// Nothing here is set up before the frame first has terms.

/** How long a page back from the back/forward cache waits before telling its terms again (ms). */
export const RESHOW_MS = 250;

export interface TermReporter {
  /** The frame's terms now ([] when it stops). */
  report(terms: TermCount[]): void;
}

export function termReporter(
  doc: Document,
  win: Window & typeof globalThis,
  signal: AbortSignal,
  /** A message failed: the extension may be gone. */
  onFailure: () => void = () => undefined,
): TermReporter {
  const token = randomToken(win.crypto);
  let terms: TermCount[] = [];
  let listening = false;
  let timer: number | undefined;
  const send = (now: TermCount[]) => void sendMessage('termsFound', { doc: token, terms: now }).catch(onFailure);
  const prerendering = () => (doc as Document & { prerendering?: boolean }).prerendering === true;
  let waiting = false;
  const tell = () => {
    if (!prerendering()) return send(terms);
    if (waiting) return;
    waiting = true;
    // The latest terms when the page is shown, not those of this moment.
    doc.addEventListener('prerenderingchange', () => !signal.aborted && send(terms), { once: true, signal });
  };
  const listen = () => {
    listening = true;
    // Only the browser's own events: a page can dispatch a pagehide or pageshow of its own.
    let gone = false;
    win.addEventListener(
      'pagehide',
      (event) => {
        if (!event.isTrusted || gone || !terms.length) return;
        gone = true;
        send([]);
      },
      { signal },
    );
    win.addEventListener(
      'pageshow',
      (event) => {
        if (!event.isTrusted || !event.persisted || !terms.length) return;
        gone = false;
        win.clearTimeout(timer);
        timer = win.setTimeout(() => !signal.aborted && tell(), RESHOW_MS);
      },
      { signal },
    );
    const stop = onMessage('frameDoc', () => token);
    signal.addEventListener(
      'abort',
      () => {
        quietly(stop);
        win.clearTimeout(timer);
      },
      { once: true },
    );
  };
  return {
    report(now) {
      terms = now;
      if (now.length && !listening && !signal.aborted) listen();
      tell();
    },
  };
}

/** A random token (24 hex digits) the page never sees. */
export function randomToken(crypto: Pick<Crypto, 'getRandomValues'>): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}
