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
  probe?: Probe;
}

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
    return { controller, reader, tooltip };
  };
  let current = start();
  watchLocation(options.win, options.signal, () => {
    const previous = current;
    current = start();
    void current.reader.ready.finally(() => previous.controller.abort());
  });
  return {
    get tooltip() {
      return current.tooltip;
    },
    get reader() {
      return current.reader;
    },
  };
}
