// First, so its clock starts before the other modules (the fact base among them) load.
import { startedAt } from '@/lib/page/start-clock';
import { onMessage, sendMessage } from '@/lib/browser/messages';
import { updateSettings } from '@/lib/browser/settings-store';
import { followSiteSetting } from '@/lib/browser/site-switch';
import { factBase } from '@/lib/facts/bundle';
import { unmutedEntities } from '@/lib/match/muted';
import { syntheticEntities } from '@/lib/match/synthetic-aliases';
import { TermMatcher } from '@/lib/match/term-matcher';
import { benchAliasCount, consoleProbe } from '@/lib/page/bench-probe';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { startFrame } from '@/lib/page/page-session';
import { tabPageUrl } from '@/lib/page/page-url';
import { muteTerm, siteKey } from '@/lib/settings/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    // SVG drawings and raw XML (even in the browser's XML viewer) are not prose; XHTML
    // pages are HTML and are read.
    if (!['text/html', 'application/xhtml+xml'].includes(document.contentType)) return;
    // `npm run bench` builds with --mode bench; production builds drop this branch.
    const bench = import.meta.env.MODE === 'bench';
    const entities = [...factBase.entities, ...(bench ? syntheticEntities(benchAliasCount(location.hash)) : [])];
    const fullMatcher = new TermMatcher({ entities, traps: factBase.traps });
    const probe = bench
      ? consoleProbe(
          (line) => console.debug(line),
          () => performance.now(),
        )
      : undefined;
    probe?.startup(performance.now() - startedAt);
    const pageUrl = () => tabPageUrl(window);
    const frame = followSiteSetting(pageUrl, ctx.signal, (signal, config) =>
      startFrame({
        doc: document,
        win: window,
        base: factBase,
        // Terms the reader muted on this site are left out of the automaton itself.
        matcher: config.muted.length
          ? new TermMatcher({ entities: unmutedEntities(entities, config.muted), traps: factBase.traps })
          : fullMatcher,
        env: browserHighlightEnv(window),
        signal,
        markStyle: config.markStyle,
        firstMentionOnly: config.firstMentionOnly,
        hoverDelayMs: config.hoverDelayMs,
        onOpenEntity: (id) => void sendMessage('openEntity', id).catch(() => undefined),
        onMute: siteKey(pageUrl())
          ? (mark, reason) =>
              void updateSettings((s) =>
                muteTerm(s, pageUrl(), {
                  entityId: mark.match.entityId,
                  reason,
                  ...(reason === 'wrong-meaning' ? { alias: mark.match.alias.text } : {}),
                }),
              )
          : undefined,
        onTerms: (terms) => void sendMessage('termsFound', terms).catch(() => undefined),
        probe,
      }),
    );
    ctx.onInvalidated(
      onMessage('showTerm', ({ data }) => frame.current?.tooltip.showOccurrence(data.entityId, data.n) ?? false),
    );
    if (window === window.top) {
      ctx.onInvalidated(onMessage('stepTerm', ({ data }) => frame.current?.tooltip.step(data) ?? false));
      ctx.onInvalidated(onMessage('pageInfo', () => ({ url: location.href })));
    }
  },
});
