import type { FactBase } from '../facts/types';
import type { TermMatcher } from '../match/term-matcher';
import { TooltipController } from '../tooltip/tooltip-controller';
import { HOST_TAG } from '../tooltip/tooltip-view';
import type { HighlightEnv } from './highlight-marks';
import type { TermCount } from '../browser/messages';
import type { MarkStyleName } from '../settings/settings';
import type { MuteReason } from '../tooltip/card';
import type { Mark } from './mark-index';
import type { Probe } from './probe';
import { Reader } from './reader';
import { watchDocumentReplaced } from './watch-document';
import { watchLocation } from './watch-location';

// Everything Mars Lens does in one frame: a reader and its tooltip, started again
// (with a fresh topic verdict) when a single-page app moves to another page or the
// document is rewritten by document.open(). The new
// reader takes over before the old one's marks are removed, so marks do not blink.

export interface FrameOptions {
  doc: Document;
  win: Window & typeof globalThis;
  base: FactBase;
  matcher: TermMatcher;
  env: HighlightEnv;
  signal: AbortSignal;
  onOpenEntity: (entityId: string) => void;
  /** Reader feedback from a tooltip; absent where there is no site to remember it for. */
  onMute?: (mark: Mark, reason: MuteReason) => void;
  /** The terms shown in this frame with their counts, after each change (badge, "On this page"); [] when stopped. */
  onTerms?: (terms: TermCount[]) => void;
  markStyle?: MarkStyleName;
  firstMentionOnly?: boolean;
  /** Hover intent delay (ms). */
  hoverDelayMs?: number;
  probe?: Probe;
}

/** How long marks must be still before the frame reports its terms (ms). */
const REPORT_MS = 250;

export interface FrameSession {
  /** The current page's tooltip (it changes on SPA navigation). */
  readonly tooltip: TooltipController;
  readonly reader: Reader;
}

const isOwnUi = (node: Node, localName = (node as Element).localName) => localName === HOST_TAG;

export function startFrame(options: FrameOptions): FrameSession {
  const start = () => {
    const controller = new AbortController();
    options.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const { doc, win, matcher, env, base, probe, markStyle, firstMentionOnly } = options;
    const signal = controller.signal;
    const reader = new Reader({ doc, win, matcher, env, signal, isOwnUi, probe, markStyle, firstMentionOnly });
    const tooltip = new TooltipController({
      doc,
      win,
      reader,
      base,
      registry: env.registry,
      signal: controller.signal,
      onOpenEntity: options.onOpenEntity,
      onMute: options.onMute,
      revealOnShow: markStyle === 'hover-only',
      intentMs: options.hoverDelayMs,
      probe,
    });
    let timer: number | undefined;
    const report = () => {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        // Only the current page's reader speaks: an old one ending after a handover must not.
        if (session.reader !== reader || controller.signal.aborted) return;
        options.onTerms?.(countTerms(reader.shownMarks()));
      }, REPORT_MS);
    };
    reader.subscribe(report);
    // The reader's first slice ran in its constructor, before anyone could subscribe.
    report();
    controller.signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
    return { controller, reader, tooltip };
  };
  // The report callbacks above read `session` later, once it is set.
  let session = start();
  options.signal.addEventListener('abort', () => options.onTerms?.([]), { once: true });
  const restart = () => {
    const previous = session;
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
  for (const m of marks) counts.set(m.match.entityId, (counts.get(m.match.entityId) ?? 0) + 1);
  return (
    [...counts]
      .map(([id, count]) => ({ id, count }))
      // Ids are ASCII slugs: a plain comparison, not localeCompare (an ICU call each, which
      // showed in profiles of big pages).
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  );
}
