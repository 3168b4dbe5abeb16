// First, so its clock starts before the other modules load.
import { startedAt } from '@/lib/probe/start-clock';
import { cardElsewhere } from '@/lib/browser/card-elsewhere';
import { openOrClosedShadowRoot } from '@/lib/browser/closed-shadow';
import { extensionLife, quietly } from '@/lib/browser/extension-life';
import { remoteCards, remoteFinder } from '@/lib/browser/frame-link';
import { onMessage, sendMessage } from '@/lib/browser/messages';
import { followSiteSetting } from '@/lib/browser/site-switch';
import { termReporter } from '@/lib/browser/term-report';
import { CardsAbove } from '@/lib/frame/cards-above';
import { placeFrame } from '@/lib/frame/frame-place';
import { startFrame } from '@/lib/frame/frame-session';
import { removeLeftoverCards, removeLeftoverHighlights } from '@/lib/frame/leftovers';
import { browserHighlightEnv } from '@/lib/page/highlight-marks';
import { documentMarkCss, MarkStyle } from '@/lib/page/mark-style';
import { tabPageUrl } from '@/lib/page/page-url';
import { whenTextAppears } from '@/lib/page/wait-for-text';
import { consoleProbe } from '@/lib/probe/bench-probe';
import { siteKey } from '@/lib/settings/site-key';

// Every frame's content script, declared in wxt.config.ts. It is an unlisted script,
// not a WXT content script: WXT's content-script context would announce itself to the
// page in every frame (a document event and a window message carrying the extension's
// id) and cost each frame its own listeners.

/** Set in this script's own world (pages cannot see it): one running instance per document. */
const RUNNING = Symbol.for('mars-lens.frame');

export default defineUnlistedScript({
  main() {
    if (!('highlights' in CSS)) return; // browsers without the Custom Highlight API
    // SVG drawings and raw XML (even in the browser's XML viewer) are not prose; XHTML
    // pages are HTML and are read.
    if (!['text/html', 'application/xhtml+xml'].includes(document.contentType)) return;
    // After an update, Chromium gets this script from the manifest in pages loading at
    // that moment and from the background (lib/browser/reinject.ts) in open tabs: once
    // is enough. An older instance's world is another one, and its leftovers go.
    // On the document, not the window: a frame's first about:blank hands its window to
    // the page that replaces it. (An expando of our world: the page cannot see it.)
    const mine = document as Document & { [RUNNING]?: true };
    if (mine[RUNNING]) return;
    mine[RUNNING] = true;
    // Aborted when the extension is found gone: everything made here goes with it.
    const ctx = new AbortController();
    const life = extensionLife(ctx);
    const lost = () => void life.check();
    // `npm run bench` builds with --mode bench*; production builds drop this branch.
    const probe = import.meta.env.MODE.startsWith('bench')
      ? consoleProbe(
          (line) => console.debug(line),
          () => performance.now(),
        )
      : undefined;
    const pageUrl = () => tabPageUrl(window);
    let frame: ReturnType<typeof start> | undefined;
    const stops: (() => void)[] = [];
    ctx.signal.addEventListener('abort', () => stops.forEach(quietly), { once: true });
    const reporter = termReporter(document, window, ctx.signal, lost);
    // "On this page" can only reach a frame that has marks: it listens once it has some.
    let showTerm = false;
    const listenForShowTerm = () => {
      if (showTerm) return;
      showTerm = true;
      stops.push(
        onMessage('showTerm', ({ data }) => frame?.current?.tooltip.showOccurrence(data.entityId, data.n) ?? false),
      );
    };
    const loadCard = remoteCards(lost);
    // Feedback is remembered per site: pages without one (file:, data:) get no buttons.
    const hasSite = () => siteKey(pageUrl()) !== '';
    // A child frame's hover cards are drawn by the top frame, whole, next to the term.
    const elsewhere = cardElsewhere(window, ctx.signal, hasSite);
    let cardsAbove: CardsAbove | undefined;
    // At most once a second: a page may add and remove frames all the time.
    let framesTimer: number | undefined;
    const framesRemoved = () => {
      framesTimer ??= window.setTimeout(() => {
        framesTimer = undefined;
        if (!ctx.signal.aborted) void sendMessage('framesRemoved').catch(lost);
      }, 1000);
    };
    stops.push(() => window.clearTimeout(framesTimer));
    // The marks' look comes from the background once the frame has marks (so no page
    // without them holds it); where it cannot be given, the frame adopts the same rules.
    // An instance that has lost its extension never takes the marks' names back; the
    // first time this one takes them, an older instance's highlights go.
    // The first time this instance takes the marks' names, what an older one left goes
    // (not before: a page with nothing marked must see nothing done, lib/frame/leftovers.ts).
    // An instance that has lost its extension never takes them back.
    let registered = false;
    const mayRegister = () => {
      if (!life.check()) return false;
      if (!registered) {
        removeLeftoverHighlights(CSS.highlights);
        removeLeftoverCards(document, openOrClosedShadowRoot);
      }
      registered = true;
      return true;
    };
    // The marks' look comes from the background once the frame has marks (so no page
    // without them holds it), and goes when the site is switched off; where it cannot
    // be given, the frame adopts the same rules. One request at a time, in order.
    let styled = false;
    let ownStyle: MarkStyle | undefined;
    let styling = Promise.resolve();
    const styleMarks = () => {
      if (styled) return;
      styled = true;
      styling = styling
        .then(() => sendMessage('styleMarks'))
        .then((done) => {
          if (done || ctx.signal.aborted || !styled) return;
          ownStyle = new MarkStyle(window, documentMarkCss);
          ownStyle.addScope(document);
          ownStyle.ensure();
        })
        .catch(lost);
    };
    const unstyleMarks = () => {
      if (!styled || ctx.signal.aborted) return;
      styled = false;
      ownStyle?.remove();
      ownStyle = undefined;
      styling = styling.then(() => sendMessage('unstyleMarks')).then(() => undefined, lost);
    };
    stops.push(() => ownStyle?.remove());
    const start = () =>
      followSiteSetting(
        pageUrl,
        ctx.signal,
        (signal, config) => {
          probe?.startup(performance.now() - startedAt);
          // Switched off (or started again with another config): the marks go, and their look.
          signal.addEventListener('abort', unstyleMarks, { once: true });
          const muteable = hasSite();
          return startFrame({
            doc: document,
            win: window,
            // Terms the reader muted on this site are left out of the automaton itself.
            finder: remoteFinder(config.muted),
            loadCard,
            env: { ...browserHighlightEnv(window), mayRegister, onRegister: styleMarks },
            signal,
            markStyle: config.markStyle,
            firstMentionOnly: config.firstMentionOnly,
            hoverDelayMs: config.hoverDelayMs,
            onOpenEntity: (id) => void sendMessage('openEntity', id).catch(lost),
            onMute: muteable
              ? (mark, reason) =>
                  void sendMessage('muteTerm', {
                    url: pageUrl(),
                    term: {
                      entityId: mark.entityId,
                      reason,
                      ...(reason === 'wrong-meaning' ? { alias: mark.alias.text } : {}),
                    },
                  }).catch(lost)
              : undefined,
            onTerms: (terms) => {
              if (terms.length) listenForShowTerm();
              reporter.report(terms);
            },
            onFramesRemoved: framesRemoved,
            cardsElsewhere: elsewhere,
            onCardShown: () => cardsAbove?.hide(true),
            onLost: lost,
            onGuard: () => {
              lost();
              ownStyle?.ensure();
            },
            probe,
          });
        },
        lost,
      );
    // A frame with no text asks nothing and reads nothing until it has some.
    whenTextAppears(document, window, ctx.signal, () => (frame = start()));
    if (window === window.top) {
      // The cards of this tab's child frames, drawn here (lib/frame/cards-above.ts).
      const above = new CardsAbove({
        doc: document,
        win: window,
        signal: ctx.signal,
        place: (path) => placeFrame(window, path, frame?.current?.reader.shadowRoots ?? []),
        onOpenEntity: (id) => void sendMessage('openEntity', id).catch(lost),
        onMute: (request, reason) =>
          void sendMessage('muteTerm', {
            url: pageUrl(),
            term: {
              entityId: request.card.entityId,
              reason,
              ...(reason === 'wrong-meaning' ? { alias: request.alias.text } : {}),
            },
          }).catch(lost),
        tell: (frameId, token, event) => void sendMessage('cardBelow', { frameId, token, event }).catch(lost),
        // A card the reader stepped to by keyboard (focus in it) is not taken by a hover in a frame.
        onShowing: () => {
          const own = frame?.current?.tooltip;
          if (own?.focused) return false;
          own?.hide(false);
          return true;
        },
      });
      cardsAbove = above;
      stops.push(onMessage('drawCard', ({ data }) => above.draw(data)));
      stops.push(onMessage('cardChange', ({ data }) => above.change(data)));
      stops.push(onMessage('stepTerm', ({ data }) => frame?.current?.tooltip.step(data) ?? false));
      stops.push(onMessage('pageInfo', () => ({ url: location.href })));
    }
  },
});
