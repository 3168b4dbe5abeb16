import type { Entity, FactBase, Source } from '../facts/types';
import { liveRange, markAtPoint } from '../page/hit-test';
import type { Mark } from '../page/mark-index';
import { inReadingOrder, stepMark } from '../page/mark-order';
import { noProbe, type Probe } from '../page/probe';
import type { Reader } from '../page/reader';
import { buildCard, type MuteReason } from './card';
import { TooltipView } from './tooltip-view';

// Shows the tooltip for the mark under the pointer after a short rest (hover intent),
// keeps it open while the pointer is on the mark or the tooltip, and closes it when
// the pointer leaves both or on Esc (WCAG 1.4.13). "Next/previous term" reach marks
// by keyboard. Listeners are passive and never stop or prevent the page's events.

export interface TooltipOptions {
  doc: Document;
  win: Window & typeof globalThis;
  reader: Reader;
  base: FactBase;
  registry: HighlightRegistry;
  signal: AbortSignal;
  onOpenEntity: (entityId: string) => void;
  /** Reader feedback from the card's buttons; absent where there is no site to remember it for. */
  onMute?: (mark: Mark, reason: MuteReason) => void;
  /** Draw the shown term with the focus look even on hover (when marks are otherwise invisible). */
  revealOnShow?: boolean;
  /** Rest on a mark this long before its tooltip opens (ms). */
  intentMs?: number;
  /** Grace period to move the pointer from the mark onto the tooltip (ms). */
  graceMs?: number;
  probe?: Probe;
}

export class TooltipController {
  private view: TooltipView | undefined;
  private current: Mark | undefined;
  private pending: Mark | undefined;
  private intentTimer: number | undefined;
  private hideTimer: number | undefined;
  private frame = 0;
  private point: { x: number; y: number; target: EventTarget | null } | undefined;
  private restoreFocus: HTMLElement | undefined;
  private readonly entities: Map<string, Entity>;
  private readonly sources: Map<string, Source>;

  constructor(private readonly options: TooltipOptions) {
    const { doc, win, signal, base } = options;
    this.entities = new Map(base.entities.map((e) => [e.id, e]));
    this.sources = new Map(base.sources.map((s) => [s.id, s]));
    const listen = { capture: true, passive: true, signal };
    // Only the reader's own pointer and keys: a page synthesising events cannot open,
    // move or close tooltips.
    doc.addEventListener('pointermove', (e) => e.isTrusted && this.onPointerMove(e), listen);
    win.addEventListener(
      'keydown',
      (e) => e.isTrusted && e.key === 'Escape' && this.current && this.hide(true),
      listen,
    );
    options.reader.subscribe(() => this.marksChanged());
    // Build the (unattached) tooltip while the page is idle once there is something to
    // explain, so the first hover does not pay for it.
    void options.reader.ready.then(() => {
      if (options.signal.aborted || !options.reader.index.size) return;
      const idle = (win as unknown as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
      const warm = () => void (options.signal.aborted || (this.view ??= new TooltipView(doc, win)));
      if (idle) idle.call(win, warm);
      else win.setTimeout(warm, 200);
    });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  get shown(): Mark | undefined {
    return this.current;
  }

  /** A tooltip whose mark is gone (its text changed or left the page) closes. */
  private marksChanged(): void {
    const current = this.current;
    const index = this.options.reader.index;
    if (!current || index.markOfRange(current.range)) return;
    // Its block was read again (the page added something beside it): the same term at
    // the same place is the same mark to the reader, so the tooltip stays.
    const { startContainer, startOffset, endContainer, endOffset } = current.range;
    const again = startContainer.nodeType === 3 ? index.markAt(startContainer as Text, startOffset) : undefined;
    const same =
      again &&
      again.match.entityId === current.match.entityId &&
      again.range.startContainer === startContainer &&
      again.range.startOffset === startOffset &&
      again.range.endContainer === endContainer &&
      again.range.endOffset === endOffset;
    if (same) this.current = again;
    else this.hide(false);
  }

  private onPointerMove(e: PointerEvent) {
    if (e.pointerType === 'touch') return;
    this.point = { x: e.clientX, y: e.clientY, target: e.target };
    if (!this.frame) this.frame = this.options.win.requestAnimationFrame(() => this.check());
  }

  private check() {
    this.frame = 0;
    const point = this.point;
    if (!point || this.options.signal.aborted) return;
    if (this.view && point.target === this.view.host) return this.cancelHide();
    const { reader, doc, registry } = this.options;
    const mark = markAtPoint(
      { doc, registry, highlight: reader.highlight, index: reader.index, shadowRoots: reader.shadowRoots },
      point.x,
      point.y,
    );
    if (mark && mark === this.current) return this.cancelHide();
    if (mark !== this.pending) {
      this.pending = mark;
      this.clearTimer('intentTimer');
      if (mark) this.intentTimer = this.options.win.setTimeout(() => this.show(mark), this.options.intentMs ?? 200);
    }
    if (!mark && this.current && this.hideTimer === undefined) {
      this.hideTimer = this.options.win.setTimeout(() => this.hide(false), this.options.graceMs ?? 300);
    }
  }

  /** Opens the tooltip for mark. With focus, keyboard focus moves into it (and returns on close). */
  show(mark: Mark, focus = false): void {
    this.clearTimer('intentTimer');
    this.cancelHide();
    this.pending = undefined;
    const entity = this.entities.get(mark.match.entityId);
    if (!entity) return;
    const { doc, win, reader } = this.options;
    const began = win.performance.now();
    const view = (this.view ??= new TooltipView(doc, win));
    const card = buildCard(doc, {
      entity,
      alias: mark.match.alias,
      pageText: liveRange(doc, mark.range).toString(),
      sources: this.sources,
      namesOnPage: this.namesOnPage(),
      onOpen: (id) => this.options.onOpenEntity(id),
      onMute: this.options.onMute && ((reason) => this.options.onMute?.(mark, reason)),
    });
    const range = mark.range;
    if (focus) {
      const active = doc.activeElement;
      if (!this.restoreFocus && active instanceof win.HTMLElement && active !== view.host) this.restoreFocus = active;
    }
    view.show(
      card,
      {
        getBoundingClientRect: () => liveRange(doc, range).getBoundingClientRect(),
        getClientRects: () => [...liveRange(doc, range).getClientRects()],
        contextElement: range.startContainer.parentElement ?? undefined,
      },
      focus,
      () => {
        const probe = this.options.probe ?? noProbe;
        probe.tooltip('placed', win.performance.now() - began);
        // Painted in the next frame: its animation frame callbacks run just before that paint.
        win.requestAnimationFrame(() => probe.tooltip('painted', win.performance.now() - began));
      },
    );
    this.current = mark;
    reader.focus.clear();
    if (focus || this.options.revealOnShow) {
      reader.focus.add(mark.range);
      reader.focus.ensureRegistered();
    }
  }

  hide(restoreFocus: boolean): void {
    this.clearTimer('intentTimer');
    this.cancelHide();
    this.pending = undefined;
    this.current = undefined;
    const view = this.view;
    // Focus leaves the card before it hides (Firefox would leave it on our host).
    if (view && this.options.doc.activeElement === view.host) {
      view.card.blur();
      if (restoreFocus) this.restoreFocus?.focus({ preventScroll: true });
    }
    view?.hide();
    this.options.reader.focus.clear();
    this.restoreFocus = undefined;
  }

  /** Moves to the next or previous mark in reading order, scrolls to it, opens its tooltip. */
  step(direction: 1 | -1): boolean {
    const { doc, win, reader } = this.options;
    const ordered = inReadingOrder(reader.shownMarks());
    const top = (m: Mark) => liveRange(doc, m.range).getBoundingClientRect().top;
    const mark = stepMark(ordered, direction, this.current, top, win.innerHeight);
    if (!mark) return false;
    this.scrollTo(mark);
    this.show(mark, true);
    return true;
  }

  /**
   * Scrolls to the nth mark of an entity in reading order (wrapping) and opens its
   * tooltip, without taking focus (the popup's "On this page" asks from outside the page).
   */
  showOccurrence(entityId: string, n: number): boolean {
    const marks = inReadingOrder(this.options.reader.shownMarks()).filter((m) => m.match.entityId === entityId);
    if (marks.length === 0) return false;
    const mark = marks[((n % marks.length) + marks.length) % marks.length]!;
    this.scrollTo(mark);
    this.show(mark, false);
    return true;
  }

  private scrollTo(mark: Mark) {
    const { doc, win } = this.options;
    const rect = liveRange(doc, mark.range).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) {
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  }

  private namesOnPage(): string[] {
    const ids = new Set<string>();
    for (const m of this.options.reader.index.marks()) ids.add(m.match.entityId);
    return [...ids].map((id) => this.entities.get(id)?.name ?? '').filter(Boolean);
  }

  private cancelHide() {
    this.clearTimer('hideTimer');
  }

  private clearTimer(which: 'intentTimer' | 'hideTimer') {
    const id = this[which];
    if (id !== undefined) this.options.win.clearTimeout(id);
    this[which] = undefined;
  }

  private dispose() {
    this.clearTimer('intentTimer');
    this.cancelHide();
    if (this.frame) this.options.win.cancelAnimationFrame(this.frame);
    this.view?.remove();
    this.view = undefined;
    this.current = undefined;
  }
}
