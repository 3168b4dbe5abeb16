import type { TermCount } from '../browser/messages';
import { childController } from '../dom/child-signal';
import type { TermFinder } from '../match/term-finder';
import type { Probe } from '../probe/probe';
import type { MarkStyleName } from '../settings/settings';
import { markAtPoint } from '../page/hit-test';
import type { HighlightEnv } from '../page/highlight-marks';
import type { Mark } from '../page/mark-index';
import { inReadingOrder } from '../page/mark-order';
import { Reader } from '../page/reader';
import { watchDocumentReplaced } from '../page/watch-document';
import { watchLocation } from '../page/watch-location';
import type { MuteReason } from '../tooltip/card';
import {
  TooltipController,
  type AnchorSource,
  type CardElsewhere,
  type CardLoader,
} from '../tooltip/tooltip-controller';
import { isTooltipHost } from '../tooltip/tooltip-view';

// What Mars Lens does in one frame, composed above page reading and the tooltip (which
// know nothing of each other): a reader, and a tooltip whose anchors are the reader's
// marks, started again (with a fresh topic verdict) when a single-page app moves to
// another page or the document is rewritten by document.open(). The new reader takes
// over before the old one's marks are removed, so marks do not blink.

export interface FrameOptions {
  doc: Document;
  win: Window & typeof globalThis;
  /** Where the frame's text is matched (the background's automaton in the extension). */
  finder: TermFinder;
  /** Where cards come from. */
  loadCard: CardLoader;
  env: HighlightEnv;
  signal: AbortSignal;
  onOpenEntity: (entityId: string) => void;
  /** Reader feedback from a tooltip; absent where there is no site to remember it for. */
  onMute?: (mark: Mark, reason: MuteReason) => void;
  /** The terms shown in this frame with their counts, after each change (badge, "On this page"); [] when stopped. */
  onTerms?: (terms: TermCount[]) => void;
  /** The finder failed: the extension may be gone. */
  onLost?: () => void;
  /** Called about once a second while the frame has marks (the reader's guard tick). */
  onGuard?: () => void;
  /** The page took out a frame of its own (whose terms must no longer count). */
  onFramesRemoved?: () => void;
  markStyle?: MarkStyleName;
  firstMentionOnly?: boolean;
  /** Hover intent delay (ms). */
  hoverDelayMs?: number;
  /** Where this frame's hover cards are drawn when they can be (the top frame, for a child frame's). */
  cardsElsewhere?: CardElsewhere;
  /** A card of this frame's own is about to be drawn in it. */
  onCardShown?: () => void;
  probe?: Probe;
}

/** How long marks must be still before the frame reports its terms (ms). */
const REPORT_MS = 250;

export interface FrameSession {
  /** The current page's tooltip (it changes on SPA navigation). */
  readonly tooltip: TooltipController<Mark>;
  readonly reader: Reader;
}

/** The reader's marks as the tooltip's anchors. */
export function readerAnchors(doc: Document, registry: HighlightRegistry, reader: Reader): AnchorSource<Mark> {
  return {
    at: (x, y) =>
      markAtPoint(
        { doc, registry, highlight: reader.highlight, index: reader.index, shadowRoots: reader.shadowRoots },
        x,
        y,
      ),
    ordered: () => inReadingOrder(reader.drawnMarks()),
    current: (mark) => {
      const index = reader.index;
      if (index.markOfRange(mark.range)) return mark;
      // Its block was read again (the page added something beside it): the same term at
      // the same place is the same mark to the reader.
      const { startContainer, startOffset, endContainer, endOffset } = mark.range;
      const again = startContainer.nodeType === 3 ? index.markAt(startContainer as Text, startOffset) : undefined;
      const same =
        again &&
        again.entityId === mark.entityId &&
        again.range.startContainer === startContainer &&
        again.range.startOffset === startOffset &&
        again.range.endContainer === endContainer &&
        again.range.endOffset === endOffset;
      return same ? again : undefined;
    },
    emphasize: (mark) => {
      reader.focus.clear();
      if (!mark) return;
      reader.focus.add(mark.range);
      reader.focus.commit();
    },
    entityIds: () => {
      const ids = new Set<string>();
      for (const m of reader.index.marks()) ids.add(m.entityId);
      return [...ids];
    },
    any: () => reader.index.size > 0,
    subscribe: (fn) => reader.subscribe(fn),
  };
}

export function startFrame(options: FrameOptions): FrameSession {
  const start = () => {
    const controller = childController(options.signal);
    const { doc, win, env, probe, markStyle, firstMentionOnly } = options;
    const signal = controller.signal;
    const reader = new Reader({
      doc,
      win,
      matcher: options.finder,
      env,
      signal,
      isOwnUi: isTooltipHost,
      probe,
      markStyle,
      firstMentionOnly,
      onFinderError: () => options.onLost?.(),
      onGuard: options.onGuard,
      onFramesRemoved: options.onFramesRemoved,
    });
    const tooltip = new TooltipController<Mark>({
      doc,
      win,
      anchors: readerAnchors(doc, env.registry, reader),
      loadCard: options.loadCard,
      signal,
      onOpenEntity: options.onOpenEntity,
      onMute: options.onMute,
      revealOnShow: markStyle === 'hover-only',
      intentMs: options.hoverDelayMs,
      elsewhere: options.cardsElsewhere,
      onShow: options.onCardShown,
      probe,
    });
    // Build the tooltip while the page is idle once there is something to explain.
    void reader.ready.then(() => !signal.aborted && reader.index.size && tooltip.warm());
    let timer: number | undefined;
    const report = () => {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        // Only the current page's reader speaks: an old one ending after a handover must not.
        if (session.reader !== reader || signal.aborted) return;
        tell(countTerms(reader.shownMarks()));
      }, REPORT_MS);
    };
    reader.subscribe(report);
    // The reader's first slice ran in its constructor, before anyone could subscribe.
    report();
    signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
    return { controller, reader, tooltip };
  };
  // Only changes are told: a frame that never marks anything never speaks (the
  // background starts every page with nothing counted).
  let told = '[]';
  const tell = (terms: TermCount[]) => {
    const key = JSON.stringify(terms);
    if (key === told) return;
    told = key;
    options.onTerms?.(terms);
  };
  // The report callbacks above read `session` later, once it is set.
  let session = start();
  options.signal.addEventListener('abort', () => tell([]), { once: true });
  const restart = () => {
    const previous = session;
    // The new page's terms are told even if they equal the old page's: the browser may
    // have started the tab's state over for the new URL.
    if (told !== '[]') told = '';
    session = start();
    void session.reader.ready.finally(() => previous.controller.abort());
  };
  watchLocation(options.win, options.signal, restart);
  watchDocumentReplaced(options.doc, options.win, options.signal, restart);
  return {
    get tooltip() {
      return session.tooltip;
    },
    get reader() {
      return session.reader;
    },
  };
}

/** Shown marks per entity, most frequent first. */
export function countTerms(marks: Iterable<Mark>): TermCount[] {
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return (
    [...counts]
      .map(([id, count]) => ({ id, count }))
      // Ids are ASCII slugs: a plain comparison, not localeCompare (an ICU call each, which
      // showed in profiles of big pages).
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}
