import { factBase } from '@/lib/facts/bundle';
import { TermMatcher } from '@/lib/match/term-matcher';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { Reader } from '@/lib/page/reader';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    new Reader({
      doc: document,
      win: window,
      matcher: new TermMatcher(factBase),
      env: browserHighlightEnv(window),
      signal: ctx.signal,
    });
  },
});
