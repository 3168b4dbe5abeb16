import { startReader } from '@/lib/page/reader';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startReader(document, ctx.signal);
  },
});
