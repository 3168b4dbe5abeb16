import type { TermMatcher } from '../match/term-matcher';
import { TopicGate } from '../match/topic-gate';
import { HighlightMarks, type HighlightEnv } from './highlight-marks';
import type { MarkStyleName } from '../settings/settings';
import { showFirstMentions } from './first-mentions';
import { MarkIndex, type Mark } from './mark-index';
import { markCss, MarkStyle } from './mark-style';
import { noProbe, type Probe } from './probe';
import { collectDirty, outermostConnected, type DirtySet } from './mutation-roots';
import { insideSkipped, RunScanner, type TextRun } from './text-runs';
import { visibleStart } from './visible-start';
import { SLICE_MS, yieldToPage } from './yield-to-page';

// The reader of one frame: reads the page in slices (the part in view first), lets the
// topic gate decide from the whole frame, marks what it admits, and keeps the marks
// right while the page changes. Everything it made goes when its signal aborts.

export interface ReaderOptions {
  doc: Document;
  win: Window & typeof globalThis;
  matcher: TermMatcher;
  env: HighlightEnv;
  signal: AbortSignal;
  /** The extension's own UI: never read, its changes never observed. */
  isOwnUi?: (node: Node) => boolean;
  /** How long to gather page changes before reading them (ms). */
  batchMs?: number;
  /** How marks look (default: a dotted underline). */
  markStyle?: MarkStyleName;
  /** Mark only each term's first mention in reading order. */
  firstMentionOnly?: boolean;
  /** The benchmark's listener. */
  probe?: Probe;
}

/** Runs longer than this (one enormous text node) are read in pieces between yields. */
const HUGE_RUN = 50_000;
const PIECE = 16_000;

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };
/** How often to check that the page has not removed our highlight or its style (ms). */
const GUARD_MS = 1000;

/** The first white space at or after i (a safe place to cut a run), or the end. */
function pieceEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const rest = /\s/.exec(text.slice(i, i + 4096));
  return rest ? i + rest.index : Math.min(text.length, i + 4096);
}

export class Reader {
  readonly gate = new TopicGate();
  readonly highlight: HighlightMarks;
  /** The one mark reached by keyboard, drawn more strongly. */
  readonly focus: HighlightMarks;
  readonly index: MarkIndex;
  /** Open shadow roots met so far (hit-testing must name them to see inside). */
  readonly shadowRoots: ShadowRoot[] = [];
  /** Settles when the first full read of the frame is done. */
  readonly ready: Promise<void>;
  private readonly style: MarkStyle;
  private readonly observer: MutationObserver;
  private readonly isOwnUi: (node: Node) => boolean;
  private dirty: DirtySet = { roots: new Set(), removed: [] };
  private batchTimer: number | undefined;
  private flushing = false;
  private seenRevision = 0;
  private readonly listeners = new Set<() => void>();
  private readonly probe: Probe;
  /** When the first change of the pending batch was seen. */
  private batchSince: number | undefined;

  constructor(private readonly options: ReaderOptions) {
    const { doc, win, env, signal } = options;
    this.isOwnUi = options.isOwnUi ?? (() => false);
    this.probe = options.probe ?? noProbe;
    this.highlight = new HighlightMarks(env);
    this.focus = new HighlightMarks(env);
    this.index = new MarkIndex(this.highlight);
    this.style = new MarkStyle(win, markCss(this.highlight.name, this.focus.name, options.markStyle));
    this.style.addScope(doc);
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc, OBSERVE);
    const guard = win.setInterval(() => this.guard(), GUARD_MS);
    signal.addEventListener(
      'abort',
      () => {
        win.clearInterval(guard);
        if (this.batchTimer !== undefined) win.clearTimeout(this.batchTimer);
        this.observer.disconnect();
        this.index.clear();
        this.focus.clear();
        this.style.remove();
        this.notify();
      },
      { once: true },
    );
    const root = doc.body ?? doc.documentElement;
    this.ready = (root ? this.read(root, visibleStart(doc, win, this.isOwnUi), true) : Promise.resolve()).then(() =>
      this.probe.ready(this.index.size),
    );
  }

  /** Reads root in slices, yielding to the page between them. */
  private async read(root: Node, startAt?: Element, first = false): Promise<void> {
    const { win, signal } = this.options;
    const scanner = new RunScanner(root, {
      isOwnUi: this.isOwnUi,
      startAt,
      skipBlank: first,
      onShadowRoot: (shadow) => {
        if (this.shadowRoots.includes(shadow)) return;
        this.shadowRoots.push(shadow);
        this.observer.observe(shadow, OBSERVE);
        this.style.addScope(shadow);
      },
    });
    const huge: TextRun[] = [];
    const ingest = (run: TextRun) => (run.text.length > HUGE_RUN ? huge.push(run) : this.ingest(run));
    while (!scanner.done && !signal.aborted) {
      const began = win.performance.now();
      const deadline = began + SLICE_MS;
      scanner.step(() => win.performance.now() > deadline || huge.length > 0, ingest);
      this.changed();
      this.probe.slice(win.performance.now() - began);
      for (let run = huge.shift(); run && !signal.aborted; run = huge.shift()) await this.readInPieces(run);
      if (!scanner.done) await yieldToPage(win);
    }
  }

  /** Matches and marks one enormous run a piece at a time, yielding between slices. */
  private async readInPieces(run: TextRun): Promise<void> {
    const { win, signal, matcher } = this.options;
    const text = run.text;
    const record = this.index.open(run);
    let from = 0;
    while (from < text.length && !signal.aborted && this.index.isCurrent(record)) {
      const began = win.performance.now();
      const deadline = began + SLICE_MS;
      while (from < text.length && win.performance.now() < deadline) {
        const to = pieceEnd(text, from + PIECE);
        const matches = matcher.findWindow(text, from, to);
        if (this.gate.observe(matches)) this.index.admitAll(this.gate);
        this.index.extend(record, matches, this.gate);
        from = Math.max(to, matches.at(-1)?.end ?? 0);
      }
      this.changed();
      this.probe.slice(win.performance.now() - began);
      if (from < text.length) await yieldToPage(win);
    }
  }

  private ingest(run: TextRun) {
    const matches = this.options.matcher.find(run.text);
    // The verdict just turned: marks the ambiguous terms read before it.
    if (this.gate.observe(matches)) this.index.admitAll(this.gate);
    this.index.put(run, matches, this.gate);
  }

  private changed() {
    if (this.options.signal.aborted || this.index.revision === this.seenRevision) return;
    this.seenRevision = this.index.revision;
    if (this.options.firstMentionOnly) showFirstMentions(this.index, this.highlight);
    if (this.index.size) this.style.ensure();
    this.highlight.ensureRegistered();
    this.notify();
  }

  /** The marks the reader sees (with "first mention only", not every mark in the index). */
  *shownMarks(): IterableIterator<Mark> {
    for (const mark of this.index.marks()) if (this.highlight.has(mark.range)) yield mark;
  }

  /** Calls fn whenever the marks change; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify() {
    for (const fn of this.listeners) fn();
  }

  /** Puts back what a page may have taken away: the highlight, the focus mark, the style. */
  private guard() {
    if (!this.index.size) return;
    this.highlight.ensureRegistered();
    this.focus.ensureRegistered();
    this.style.ensure();
  }

  private onMutations(records: MutationRecord[]) {
    const began = this.options.win.performance.now();
    this.batchSince ??= began;
    collectDirty(records, this.isOwnUi, this.dirty);
    this.probe.slice(this.options.win.performance.now() - began);
    this.schedule();
  }

  private schedule() {
    if (this.batchTimer !== undefined || this.flushing || this.options.signal.aborted) return;
    this.batchTimer = this.options.win.setTimeout(() => {
      this.batchTimer = undefined;
      void this.flush();
    }, this.options.batchMs ?? 50);
  }

  /** Reads again what changed since the last batch. */
  private async flush() {
    const { roots, removed } = this.dirty;
    this.dirty = { roots: new Set(), removed: [] };
    const since = this.batchSince;
    this.batchSince = undefined;
    this.flushing = true;
    const { win } = this.options;
    try {
      const began = win.performance.now();
      for (const node of removed) this.forget(node);
      this.probe.slice(win.performance.now() - began);
      for (const root of outermostConnected(roots)) {
        if (this.options.signal.aborted) return;
        const el = root.nodeType === 1 ? (root as Element) : root.parentElement;
        if (el && insideSkipped(el, this.isOwnUi)) continue;
        await this.read(root);
      }
      this.changed();
      if (since !== undefined) this.probe.batch(win.performance.now() - since);
    } finally {
      this.flushing = false;
    }
    if (this.dirty.roots.size || this.dirty.removed.length) this.schedule();
  }

  /** Drops the marks of every text node in a subtree that left the page. */
  private forget(node: Node) {
    if (!this.index.records.size) return;
    if (node.nodeType === 3) return this.index.removeNode(node as Text);
    if (node.nodeType !== 1) return;
    const walker = this.options.doc.createTreeWalker(node, 0x4 /* SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) this.index.removeNode(t as Text);
  }
}
