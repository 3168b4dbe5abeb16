import type { TermFinder } from '../match/term-finder';
import { TopicGate } from '../match/topic-gate';
import { keepInWindow, windowOf } from '../match/window';
import { HighlightMarks, type HighlightEnv } from './highlight-marks';
import type { MarkStyleName } from '../settings/settings';
import { showFirstMentions } from './first-mentions';
import { MarkIndex, type Mark } from './mark-index';
import { MARK_NAMES } from './mark-style';
import { noProbe, type Probe } from '../probe/probe';
import { collectDirty, outermostConnected, regionAround, type DirtySet, type Region } from './mutation-roots';
import { Rendered, splitShown } from './rendered';
import { blockOf, insideSkipped, RunScanner, type TextRun } from './text-runs';
import { visibleStart } from './visible-start';
import { SLICE_MS, yieldToPage } from './yield-to-page';
import type { TermMatch } from '../match/term-matcher';

/** True if every node of run is in the page with the text it had when read. */
function intact(run: TextRun): boolean {
  const n = run.nodes.length;
  for (let i = 0; i < n; i++) {
    const node = run.nodes[i]!;
    const length = (i + 1 < n ? run.starts[i + 1]! : run.text.length) - run.starts[i]!;
    if (!node.isConnected || node.data.length !== length || !run.text.startsWith(node.data, run.starts[i]))
      return false;
  }
  return true;
}

// The reader of one frame: reads the page in slices (the part in view first), lets the
// topic gate decide from the whole frame, marks what it admits, and keeps the marks
// right while the page changes. Everything it made goes when its signal aborts.
//
// It holds no fact base: each slice's runs go to a TermFinder (in the extension, the
// background's automaton) while the next slice is read, and their terms are marked
// when the answer comes, in the order the slices were sent. A run the page changed in
// the meantime is left to the re-read its change has already scheduled.

export interface ReaderOptions {
  doc: Document;
  win: Window & typeof globalThis;
  matcher: TermFinder;
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
  /** The finder failed (the extension went away): nothing more can be marked. */
  onFinderError?: (error: unknown) => void;
  /** Called when the page took out a frame (an iframe, or an element holding one): their own marks went with them. */
  onFramesRemoved?: () => void;
  /** Called on each guard tick (about once a second while there are marks), before the guard's checks. */
  onGuard?: () => void;
}

/** Runs longer than this (one enormous text node) are read in pieces between yields. */
const HUGE_RUN = 50_000;
const PIECE = 200_000;
/** Windows of one enormous run asked for at once. */
const IN_FLIGHT = 4;

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };
/**
 * While some term sits in text that is not drawn: also the attributes that show and hide
 * things, so a menu opened or a <details> expanded is read at once.
 */
const OBSERVE_REVEAL: MutationObserverInit = {
  ...OBSERVE,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'open'],
};
/** How often to look again at hidden terms, for what CSS alone reveals (hover, media queries, animations) (ms). */
const REVEAL_MS = 1000;
/** Blocks with hidden terms followed at most (the rest stay unread until they change). */
const MAX_HIDDEN = 500;
/** Custom element names waiting to be defined, followed at most, and for how many looks (a few minutes). */
const MAX_UNDEFINED = 200;
const UNDEFINED_LOOKS = 300;
/** How often to check that the page has not removed our highlights (ms). */
const GUARD_MS = 1000;
/** While a read goes on, new marks are drawn at most this often (ms). */
const COMMIT_MS = 250;

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
  private readonly observer: MutationObserver;
  private readonly isOwnUi: (node: Node) => boolean;
  private dirty: DirtySet = { roots: new Set(), anchors: new Set(), removed: [] };
  private batchTimer: number | undefined;
  private flushing = false;
  private seenRevision = 0;
  private readonly listeners = new Set<() => void>();
  private readonly probe: Probe;
  /** When the first change of the pending batch was seen. */
  private batchSince: number | undefined;
  /** Answers of the finder still to be marked, in the order their runs were read. */
  private answers: Promise<void> = Promise.resolve();
  /** Bumped by every observed change: an answer for runs read before one must check them. */
  private epoch = 0;
  /** Checks that our highlights are still in place; runs only while there are marks. */
  private guardTimer: number | undefined;
  /** When marks were last drawn, and the timer that draws the ones staged since. */
  private committedAt = -Infinity;
  private commitTimer: number | undefined;
  private readonly rendered = new Rendered();
  /** Terms in text that is not drawn, by the block to read again once they are. */
  private readonly hidden = new Map<Node, Text[]>();
  private revealTimer: number | undefined;
  private watchingAttributes = false;
  /** The next batch must look again at the hidden terms. */
  private revealDue = false;
  /** Names of custom elements not defined when read, with the looks left for each. */
  private readonly undefinedHosts = new Map<string, number>();
  /** The next batch must look again at them. */
  private hostsDue = false;

  constructor(private readonly options: ReaderOptions) {
    const { doc, win, env, signal } = options;
    this.isOwnUi = options.isOwnUi ?? (() => false);
    this.probe = options.probe ?? noProbe;
    this.highlight = new HighlightMarks(env, MARK_NAMES[options.markStyle ?? 'underline']);
    this.focus = new HighlightMarks(env, MARK_NAMES.focus);
    this.index = new MarkIndex(this.highlight);
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc, OBSERVE);
    signal.addEventListener(
      'abort',
      () => {
        if (this.guardTimer !== undefined) win.clearInterval(this.guardTimer);
        if (this.commitTimer !== undefined) win.clearTimeout(this.commitTimer);
        if (this.batchTimer !== undefined) win.clearTimeout(this.batchTimer);
        if (this.revealTimer !== undefined) win.clearInterval(this.revealTimer);
        this.hidden.clear();
        this.undefinedHosts.clear();
        this.observer.disconnect();
        this.index.clear();
        this.focus.clear();
        this.notify();
      },
      { once: true },
    );
    const root = doc.body ?? doc.documentElement;
    this.ready = (root ? this.read([root], visibleStart(doc, win, this.isOwnUi), true) : Promise.resolve()).then(() =>
      this.probe.ready(this.index.size),
    );
  }

  /**
   * Reads roots in slices, yielding to the page between them. A slice goes on to the
   * next root when one is done (a batch of a live page's posts is a hundred small roots),
   * and sends all its runs in one question.
   */
  private async read(roots: readonly (Node | Region)[], startAt?: Element, first = false): Promise<void> {
    const { win, signal } = this.options;
    const huge: TextRun[] = [];
    const runs: TextRun[] = [];
    const collect = (run: TextRun) => (run.text.length > HUGE_RUN ? huge : runs).push(run);
    let next = 0;
    let scanner: RunScanner | undefined;
    // A document being edited as a whole (designMode) is the reader's own text: nothing
    // in it is read, what was typed included.
    if (this.options.doc.designMode === 'on') return;
    while (!signal.aborted) {
      const began = win.performance.now();
      const deadline = began + SLICE_MS;
      const stop = () => win.performance.now() > deadline || huge.length > 0;
      while (!signal.aborted) {
        if (!scanner || scanner.done) {
          if (next >= roots.length) break;
          scanner = this.scanner(roots[next]!, next === 0 ? startAt : undefined, first);
          next++;
        }
        scanner.step(stop, collect);
        if (!scanner.done || stop()) break;
      }
      this.send(runs.splice(0));
      this.probe.slice(win.performance.now() - began);
      for (let run = huge.shift(); run && !signal.aborted; run = huge.shift()) await this.readInPieces(run);
      if ((!scanner || scanner.done) && next >= roots.length) break;
      await yieldToPage(win);
    }
    await this.answers;
    this.changed(true);
  }

  private scanner(root: Node | Region, startAt: Element | undefined, first: boolean): RunScanner {
    const region = 'block' in root ? root : undefined;
    return new RunScanner(region ? region.block : (root as Node), {
      isOwnUi: this.isOwnUi,
      startAt,
      region,
      skipBlank: first,
      onShadowRoot: (shadow) => this.follow(shadow),
      onUndefined: (el) => {
        const name = el.localName;
        if (this.undefinedHosts.size >= MAX_UNDEFINED || this.undefinedHosts.has(name)) return;
        this.undefinedHosts.set(name, UNDEFINED_LOOKS);
        this.watchLater();
      },
    });
  }

  /** Observes an open shadow root from now on. */
  private follow(shadow: ShadowRoot) {
    if (this.shadowRoots.includes(shadow)) return;
    this.shadowRoots.push(shadow);
    this.observer.observe(shadow, this.hidden.size ? OBSERVE_REVEAL : OBSERVE);
  }

  /** Asks for the terms of runs; they are marked when the answer comes (at once, for a local finder). */
  private send(runs: TextRun[]) {
    if (runs.length === 0) return;
    const epoch = this.epoch;
    let answer: TermMatch[][] | Promise<TermMatch[][]>;
    try {
      answer = this.options.matcher.findEach(runs.map((r) => r.text));
    } catch (e) {
      return this.options.onFinderError?.(e);
    }
    if (Array.isArray(answer)) return this.mark(runs, answer, epoch);
    const pending = answer;
    // In order, and never failing: a lost answer is told once and marks nothing.
    this.answers = this.answers
      .then(() => pending)
      .then(
        (lists) => this.mark(runs, lists, epoch),
        (e: unknown) => this.options.onFinderError?.(e),
      );
  }

  private mark(runs: TextRun[], lists: TermMatch[][], epoch: number) {
    if (this.options.signal.aborted) return;
    const began = this.options.win.performance.now();
    const changedSince = epoch !== this.epoch;
    this.rendered.reset();
    runs.forEach((run, i) => {
      // Its text changed or left since it was read: the re-read of that change decides.
      if (changedSince && !intact(run)) return;
      const { shown, hidden } = splitShown(run, lists[i] ?? [], this.rendered);
      this.noteHidden(run, hidden, true);
      // The verdict just turned: marks the ambiguous terms read before it.
      if (this.gate.observe(shown)) this.index.admitAll(this.gate);
      this.index.put(run, shown, this.gate);
    });
    this.watchLater();
    this.changed();
    this.probe.slice(this.options.win.performance.now() - began);
  }

  /**
   * Matches and marks one enormous run a window at a time. Windows are cut at white
   * space up front and asked for a few at a time; each must start where the previous
   * one ended or after its last term, so a window that a term of the previous one runs
   * into (a multi-word term across a cut, rare) is asked again from the term's end.
   */
  private async readInPieces(run: TextRun): Promise<void> {
    const { win, signal, matcher } = this.options;
    const text = run.text;
    const record = this.index.open(run);
    const cuts = [0];
    while (cuts.at(-1)! < text.length) cuts.push(pieceEnd(text, cuts.at(-1)! + PIECE));
    const ask = (from: number, to: number) => {
      const w = windowOf(text, from, to);
      return Promise.resolve(matcher.findEach([w.text])).then((lists) => keepInWindow(w, lists[0] ?? []));
    };
    const asked: Promise<TermMatch[]>[] = [];
    let next = 0;
    let reach = 0;
    let sliceStart = win.performance.now();
    for (let k = 0; k + 1 < cuts.length; k++) {
      while (next + 1 < cuts.length && next < k + IN_FLIGHT) {
        const answer = ask(cuts[next]!, cuts[++next]!);
        answer.catch(() => undefined); // awaited in turn below; an abort may leave it unawaited
        asked.push(answer);
      }
      let matches: TermMatch[];
      try {
        matches = await asked[k]!;
        if (reach >= cuts[k + 1]!) continue;
        if (reach > cuts[k]!) matches = await ask(reach, cuts[k + 1]!);
      } catch (e) {
        return this.options.onFinderError?.(e);
      } finally {
        delete asked[k];
      }
      if (signal.aborted || !this.index.isCurrent(record)) return;
      const began = win.performance.now();
      reach = Math.max(reach, matches.at(-1)?.end ?? 0);
      this.rendered.reset();
      const { shown, hidden } = splitShown(run, matches, this.rendered);
      this.noteHidden(run, hidden, k === 0);
      this.watchLater();
      if (this.gate.observe(shown)) this.index.admitAll(this.gate);
      this.index.extend(record, shown, this.gate);
      this.changed();
      this.probe.slice(win.performance.now() - began);
      // A finder that answers at once never gives the page a turn by itself.
      if (win.performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage(win);
        sliceStart = win.performance.now();
      }
    }
  }

  /**
   * After marks changed: draws them (at once when a read or batch is done, else at most
   * every COMMIT_MS while reading goes on) and tells the listeners.
   */
  private changed(done = false) {
    const { win, signal } = this.options;
    if (signal.aborted) return;
    if (this.index.revision !== this.seenRevision) {
      this.seenRevision = this.index.revision;
      if (this.options.firstMentionOnly) showFirstMentions(this.index, this.highlight);
      if (this.index.size) this.guardTimer ??= win.setInterval(() => this.guard(), GUARD_MS);
      this.notify();
    }
    const now = win.performance.now();
    if (done || now - this.committedAt >= COMMIT_MS) this.commit();
    else this.commitTimer ??= win.setTimeout(() => this.commit(), COMMIT_MS - (now - this.committedAt));
  }

  private commit() {
    if (this.commitTimer !== undefined) this.options.win.clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    this.committedAt = this.options.win.performance.now();
    if (!this.options.signal.aborted) this.highlight.commit();
  }

  /**
   * Remembers the hidden terms of a freshly read run under its block (fresh: the run's
   * earlier hidden terms are forgotten first).
   */
  private noteHidden(run: TextRun, hidden: Text[], fresh: boolean) {
    const block = blockOf(run.nodes[0]!.parentNode);
    if (!block) return;
    const before = this.hidden.get(block);
    const read = fresh && before?.length ? new Set(run.nodes) : undefined;
    const kept = (before ?? []).filter((t) => t.isConnected && !read?.has(t));
    for (const t of hidden) if (!kept.includes(t)) kept.push(t);
    if (kept.length) {
      if (before || this.hidden.size < MAX_HIDDEN) this.hidden.set(block, kept);
    } else this.hidden.delete(block);
  }

  /**
   * Looks again, about once a second, while some term is hidden or some custom element is
   * not defined yet, and stops when there are none; while terms are hidden, also watches
   * the attributes that show things.
   */
  private watchLater() {
    const { doc, win } = this.options;
    if (this.options.signal.aborted) return;
    const wantTimer = this.hidden.size > 0 || this.undefinedHosts.size > 0;
    if (wantTimer && this.revealTimer === undefined)
      this.revealTimer = win.setInterval(() => {
        this.revealDue = this.hidden.size > 0;
        this.hostsDue = this.undefinedHosts.size > 0;
        this.schedule();
      }, REVEAL_MS);
    else if (!wantTimer && this.revealTimer !== undefined) {
      win.clearInterval(this.revealTimer);
      this.revealTimer = undefined;
    }
    const wantAttributes = this.hidden.size > 0;
    if (wantAttributes === this.watchingAttributes) return;
    this.watchingAttributes = wantAttributes;
    // Observing again replaces the options in a browser, but not in every DOM: start
    // over, keeping what was already recorded.
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    const init = wantAttributes ? OBSERVE_REVEAL : OBSERVE;
    this.observer.observe(doc, init);
    for (const root of this.shadowRoots) this.observer.observe(root, init);
    if (pending.length) this.onMutations(pending);
  }

  /**
   * Custom elements defined since they were read: the open shadow roots of every element
   * of that name (in the document and the shadow roots followed) are read and followed.
   */
  private upgraded(into: Set<Node>) {
    this.hostsDue = false;
    const { doc, win } = this.options;
    const defined = win.customElements as CustomElementRegistry | null | undefined;
    for (const [name, looks] of this.undefinedHosts) {
      const selector = `${cssEscape(win, name)}:defined`;
      const scopes: ParentNode[] = [doc, ...this.shadowRoots];
      // (Content scripts may have no registry of their own to ask: the page's elements say.)
      let known = false;
      try {
        known = defined?.get?.(name) !== undefined;
      } catch {
        // not ours to ask
      }
      const isDefined = known || scopes.some((r) => r.querySelector(selector));
      if (isDefined) {
        this.undefinedHosts.delete(name);
        for (const scope of scopes)
          for (const el of scope.querySelectorAll(cssEscape(win, name))) {
            const shadow = el.shadowRoot;
            if (shadow && !this.shadowRoots.includes(shadow)) {
              this.follow(shadow);
              into.add(shadow);
            }
          }
      } else if (looks <= 1) this.undefinedHosts.delete(name);
      else this.undefinedHosts.set(name, looks - 1);
    }
    this.watchLater();
  }

  /** Blocks whose hidden terms are drawn now go to be read again. */
  private revealed(into: Set<Node>) {
    this.revealDue = false;
    this.rendered.reset();
    for (const [block, all] of this.hidden) {
      const texts = all.filter((t) => t.isConnected);
      if (!block.isConnected || !texts.length) this.hidden.delete(block);
      else if (texts.some((t) => this.rendered.textShown(t))) {
        into.add(block);
        this.hidden.delete(block);
      } else if (texts.length !== all.length) this.hidden.set(block, texts);
    }
    this.watchLater();
  }

  /** True if an attribute changed on a hidden term's text or around it. */
  private touchesHidden(targets: Set<Node>): boolean {
    for (const texts of this.hidden.values())
      for (const text of texts)
        for (let n: Node | null = text.isConnected ? text : null; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null)
          if (targets.has(n)) return true;
    return false;
  }

  /** The marks the reader sees and that are drawn now (keyboard stepping stops only at these). */
  *drawnMarks(): IterableIterator<Mark> {
    const rendered = new Rendered();
    for (const mark of this.shownMarks()) if (rendered.textShown(mark.range.startContainer)) yield mark;
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

  /** Puts back what a page may have taken away: the highlight and the focus mark. */
  private guard() {
    this.options.onGuard?.();
    if (!this.index.size || this.options.signal.aborted) return;
    // designMode cannot be observed; a document switched to it loses its marks here.
    if (this.options.doc.designMode === 'on') {
      this.index.clear();
      this.focus.clear();
      this.notify();
      return;
    }
    this.highlight.ensureRegistered();
    this.focus.ensureRegistered();
  }

  private onMutations(records: MutationRecord[]) {
    const began = this.options.win.performance.now();
    let attributes: Set<Node> | undefined;
    let other = false;
    for (const record of records)
      if (record.type === 'attributes') (attributes ??= new Set()).add(record.target);
      else other = true;
    if (attributes && this.hidden.size && this.touchesHidden(attributes)) this.revealDue = true;
    if (other) {
      this.epoch++;
      this.batchSince ??= began;
      collectDirty(records, this.isOwnUi, this.dirty);
    }
    this.probe.slice(this.options.win.performance.now() - began);
    if (other || this.revealDue) this.schedule();
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
    const { roots, anchors, removed } = this.dirty;
    this.dirty = { roots: new Set(), anchors: new Set(), removed: [] };
    if (this.revealDue) this.revealed(roots);
    if (this.hostsDue) this.upgraded(roots);
    const since = this.batchSince;
    this.batchSince = undefined;
    this.flushing = true;
    const { win } = this.options;
    try {
      const began = win.performance.now();
      for (const node of removed) this.forget(node);
      if (removed.length) this.forgetDetachedShadowRoots();
      if (this.options.onFramesRemoved && removed.some(holdsFrame)) this.options.onFramesRemoved();
      this.probe.slice(win.performance.now() - began);
      const notSkipped = (root: Node) => {
        const el = root.nodeType === 1 ? (root as Element) : root.parentElement;
        return !(el && insideSkipped(el, this.isOwnUi));
      };
      const whole = outermostConnected(roots).filter(notSkipped);
      const toRead: (Node | Region)[] = [...whole];
      // Runs around text that changed, unless a subtree read anyway holds them.
      // (Two changes in one run give the same region: it is read once.)
      const regions = new Map<Node, (Node | undefined)[]>();
      for (const anchor of anchors) {
        if (!anchor.isConnected || whole.some((root) => root.contains(anchor)) || !notSkipped(anchor)) continue;
        const region = regionAround(anchor);
        if (!region) continue;
        const ends = regions.get(region.from) ?? [];
        if (ends.includes(region.stopAt)) continue;
        regions.set(region.from, [...ends, region.stopAt]);
        toRead.push(region);
      }
      if (this.options.signal.aborted || (!toRead.length && !removed.length)) return;
      await this.read(toRead);
      if (since !== undefined) this.probe.batch(win.performance.now() - since);
    } finally {
      this.flushing = false;
    }
    if (
      this.dirty.roots.size ||
      this.dirty.anchors.size ||
      this.dirty.removed.length ||
      this.revealDue ||
      this.hostsDue
    )
      this.schedule();
  }

  /**
   * Shadow roots whose host left the page: their marks go (they are no longer counted,
   * and hit-testing no longer walks them), and so do they. A host that comes back is
   * read again as any added subtree is.
   */
  private forgetDetachedShadowRoots() {
    const gone = this.shadowRoots.filter((root) => !root.host.isConnected);
    if (!gone.length) return;
    for (const root of gone) {
      this.shadowRoots.splice(this.shadowRoots.indexOf(root), 1);
      if (!this.index.records.size) continue;
      const walker = this.options.doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) this.index.removeNode(t as Text);
    }
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

const FRAME_TAGS = new Set(['iframe', 'frame', 'object', 'embed']);

/** A removed element that is or holds a frame (a frame's document goes with it). */
function holdsFrame(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return (
    FRAME_TAGS.has(el.localName) ||
    (el.firstElementChild !== null && el.querySelector('iframe, frame, object, embed') !== null)
  );
}

/** A name as a CSS identifier (custom element names may hold characters a selector must escape). */
function cssEscape(win: Window & typeof globalThis, name: string): string {
  const css = (win as unknown as { CSS?: { escape?: (s: string) => string } }).CSS;
  return css?.escape ? css.escape(name) : name.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}
