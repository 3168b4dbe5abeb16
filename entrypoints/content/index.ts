import { onMessage, sendMessage } from '@/lib/browser/messages';
import { followSiteSetting } from '@/lib/browser/site-switch';
import { factBase } from '@/lib/facts/bundle';
import { syntheticEntities } from '@/lib/match/synthetic-aliases';
import { TermMatcher } from '@/lib/match/term-matcher';
import { benchAliasCount, consoleProbe } from '@/lib/page/bench-probe';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { startFrame } from '@/lib/page/page-session';
import { tabPageUrl } from '@/lib/page/page-url';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    // `npm run bench` builds with --mode bench; production builds drop this branch.
    const bench = import.meta.env.MODE === 'bench';
    const extra = bench ? syntheticEntities(benchAliasCount(location.hash)) : [];
    const matcher = new TermMatcher({ entities: [...factBase.entities, ...extra], traps: factBase.traps });
    const frame = followSiteSetting(
      () => tabPageUrl(window),
      ctx.signal,
      (signal) =>
        startFrame({
          doc: document,
          win: window,
          base: factBase,
          matcher,
          env: browserHighlightEnv(window),
          signal,
          onOpenEntity: (id) => void sendMessage('openEntity', id).catch(() => undefined),
          onTerms: (ids) => void sendMessage('termsFound', ids).catch(() => undefined),
          probe: bench
            ? consoleProbe(
                (line) => console.debug(line),
                () => performance.now(),
              )
            : undefined,
        }),
    );
    if (window === window.top) {
      ctx.onInvalidated(onMessage('stepTerm', ({ data }) => frame.current?.tooltip.step(data) ?? false));
      ctx.onInvalidated(onMessage('pageInfo', () => ({ url: location.href })));
    }
  },
});
