import { factBase } from '@/lib/facts/bundle';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { startReader } from '@/lib/page/reader';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    startReader(document, ctx.signal, factBase, browserHighlightEnv(window));
  },
});
