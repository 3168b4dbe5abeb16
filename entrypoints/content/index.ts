import { onMessage, sendMessage } from '@/lib/browser/messages';
import { factBase } from '@/lib/facts/bundle';
import { TermMatcher } from '@/lib/match/term-matcher';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { startFrame } from '@/lib/page/page-session';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    const frame = startFrame({
      doc: document,
      win: window,
      base: factBase,
      matcher: new TermMatcher(factBase),
      env: browserHighlightEnv(window),
      signal: ctx.signal,
      onOpenEntity: (id) => void sendMessage('openEntity', id).catch(() => undefined),
    });
    if (window === window.top) ctx.onInvalidated(onMessage('stepTerm', ({ data }) => frame.tooltip.step(data)));
  },
});
