import type { FactBase } from '../facts/types';
import type { TermMatcher } from '../match/term-matcher';
import { TooltipController } from '../tooltip/tooltip-controller';
import { HOST_TAG } from '../tooltip/tooltip-view';
import type { HighlightEnv } from './highlight-marks';
import type { Probe } from './probe';
import { Reader } from './reader';
import { watchLocation } from './watch-location';

// Everything Mars Lens does in one frame: a reader and its tooltip, started again
// (with a fresh topic verdict) when a single-page app moves to another page. The new
// reader takes over before the old one's marks are removed, so marks do not blink.

export interface FrameOptions {
  doc: Document;
  win: Window & typeof globalThis;
  base: FactBase;
  matcher: TermMatcher;
  env: HighlightEnv;
  signal: AbortSignal;
  onOpenEntity: (entityId: string) => void;
  /** The distinct entities marked in this frame, after each change (for the badge); [] when stopped. */
  onTerms?: (entityIds: string[]) => void;
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
    const { doc, win, matcher, env, base, probe } = options;
    const reader = new Reader({ doc, win, matcher, env, signal: controller.signal, isOwnUi, probe });
    const tooltip = new TooltipController({
      doc,
      win,
      reader,
      base,
      registry: env.registry,
      signal: controller.signal,
      onOpenEntity: options.onOpenEntity,
      probe,
    });
    let timer: number | undefined;
    const report = () => {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        // Only the current page's reader speaks: an old one ending after a handover must not.
        if (session.reader !== reader || controller.signal.aborted) return;
        options.onTerms?.([...new Set([...reader.index.marks()].map((m) => m.match.entityId))]);
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
  watchLocation(options.win, options.signal, () => {
    const previous = session;
    session = start();
    void session.reader.ready.finally(() => previous.controller.abort());
  });
  return {
    get tooltip() {
      return session.tooltip;
    },
    get reader() {
      return session.reader;
    },
  };
}
