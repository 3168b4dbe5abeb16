import { onMessage, sendMessage } from '@/lib/browser/messages';
import { factBase } from '@/lib/facts/bundle';
import { TermMatcher } from '@/lib/match/term-matcher';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { Reader } from '@/lib/page/reader';
import { TooltipController } from '@/lib/tooltip/tooltip-controller';
import { HOST_TAG } from '@/lib/tooltip/tooltip-view';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    const env = browserHighlightEnv(window);
    const reader = new Reader({
      doc: document,
      win: window,
      matcher: new TermMatcher(factBase),
      env,
      signal: ctx.signal,
      isOwnUi: (node) => node.nodeName.toLowerCase() === HOST_TAG,
    });
    const tooltip = new TooltipController({
      doc: document,
      win: window,
      reader,
      base: factBase,
      registry: env.registry,
      signal: ctx.signal,
      onOpenEntity: (id) => void sendMessage('openEntity', id).catch(() => undefined),
    });
    if (window === window.top) {
      const stop = onMessage('stepTerm', ({ data }) => tooltip.step(data));
      ctx.onInvalidated(stop);
    }
  },
});
