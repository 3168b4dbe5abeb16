import { framePath } from '../frame/frame-place';
import type { CardElsewhere, ElsewhereEvent } from '../tooltip/tooltip-controller';
import { onMessage, sendMessage } from './messages';
import { randomToken } from './term-report';

// A child frame's line to its tab's top frame, which draws the frame's hover cards
// (lib/frame/cards-above.ts), through the background (frames cannot speak to each other
// without the page seeing it). The top frame is undefined here: it draws its own.

/** How long the top frame has to say it drew the card (ms). */
const ANSWER_MS = 300;

export function cardElsewhere(win: Window, signal: AbortSignal, muteable: () => boolean): CardElsewhere | undefined {
  if (win === win.top) return undefined;
  const listeners = new Set<(token: string, event: ElsewhereEvent) => void>();
  // Heard only once this frame has asked for a card above: frames with nothing to show stay deaf.
  let hearing = false;
  const hear = () => {
    if (hearing || signal.aborted) return;
    hearing = true;
    const stop = onMessage('cardEvent', ({ data }) => {
      for (const fn of listeners) fn(String(data?.token), data?.event);
    });
    signal.addEventListener('abort', stop, { once: true });
  };
  return {
    show: async ({ data, alias, pageText, rects, viewport }) => {
      const path = framePath(win);
      if (!path || path.length === 0) return undefined;
      hear();
      const id = randomToken(crypto);
      const asked = sendMessage('cardAbove', {
        token: id,
        path,
        card: data,
        alias,
        pageText,
        rects,
        viewport,
        muteable: muteable(),
      }).catch(() => false);
      // A top frame that does not answer soon (busy, or stalled on purpose) does not keep
      // the card from the reader: it is drawn here, and one drawn above later is taken down.
      let late = false;
      const drawn = await Promise.race([
        asked,
        new Promise<false>((resolve) =>
          setTimeout(() => {
            late = true;
            resolve(false);
          }, ANSWER_MS),
        ),
      ]);
      if (late)
        void asked.then((d) => {
          if (d === true) void sendMessage('cardAboveChange', { token: id }).catch(() => undefined);
        });
      return drawn === true ? id : undefined;
    },
    move: (id, rects) => void sendMessage('cardAboveChange', { token: id, rects }).catch(() => undefined),
    hide: (id) => void sendMessage('cardAboveChange', { token: id }).catch(() => undefined),
    listen: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
