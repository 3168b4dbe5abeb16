import type { CardData } from '../facts/card-data';
import type { Alias } from '../facts/types';
import { liveRange } from '../dom/live-range';
import { noProbe, type Probe } from '../probe/probe';
import { buildCard, cardAction, type MuteReason } from './card';
import { eventGuard, innermostTarget } from './event-guard';
import { stepMark } from './step';
import { TooltipView } from './tooltip-view';

// Shows the tooltip for the term under the pointer after a short rest (hover intent),
// keeps it open while the pointer is on the term or the tooltip, and closes it when
// the pointer leaves both or on Esc (WCAG 1.4.13). "Next/previous term" reach terms
// by keyboard. Listeners are passive and never stop or prevent the page's events.
//
// It knows nothing of how terms are found: an AnchorSource says where they are, and a
// card loader says what to show (fetched while the hover intent runs, so the frame
// holds no facts it is not showing).

/** A marked term as the tooltip sees it. */
export interface Anchor {
  readonly range: AbstractRange;
  readonly entityId: string;
  readonly alias: Alias;
}

export interface AnchorSource<A extends Anchor> {
  /** The anchor drawn at a viewport point, if any. */
  at(x: number, y: number): A | undefined;
  /** The anchors shown, in reading order. */
  ordered(): A[];
  /** The anchor itself while shown, the one that replaced it at the same place, or undefined. */
  current(anchor: A): A | undefined;
  /** Draws one anchor with the focus look (undefined: none). */
  emphasize(anchor: A | undefined): void;
  /** The entities shown on the page (to pick the facts that fit it). */
  entityIds(): string[];
  /** Whether any anchor is shown (cheap: asked on every change). */
  any(): boolean;
  /** Calls fn whenever the anchors change; returns the unsubscribe. */
  subscribe(fn: () => void): () => void;
}

export type CardLoader = (entityId: string, onPage: readonly string[]) => Promise<CardData | undefined>;

/** A rectangle in the frame's viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What happened to a card drawn elsewhere: the reader's pointer came onto it or left it, or it closed. */
export type ElsewhereEvent = 'enter' | 'leave' | 'closed';

/**
 * Where a frame's hover cards can be drawn instead of in the frame (the top frame, so a
 * small frame's card is not cut off at its edge). This frame keeps deciding when the
 * card opens and closes.
 */
export interface CardElsewhere {
  /** Draws a card for a term at rects; resolves its token, or undefined where it cannot (it is drawn here then). */
  show(card: {
    data: CardData;
    alias: Alias;
    pageText: string;
    rects: Box[];
    /** This frame's viewport (the top frame checks it is the frame it finds). */
    viewport: { width: number; height: number };
  }): Promise<string | undefined>;
  /** The term moved (the frame scrolled or changed size). */
  move(token: string, rects: Box[]): void;
  hide(token: string): void;
  /** Calls fn with what happens to the cards drawn there; returns the unsubscribe. */
  listen(fn: (token: string, event: ElsewhereEvent) => void): () => void;
}

export interface TooltipOptions<A extends Anchor> {
  doc: Document;
  win: Window & typeof globalThis;
  anchors: AnchorSource<A>;
  loadCard: CardLoader;
  signal: AbortSignal;
  onOpenEntity: (entityId: string) => void;
  /** Reader feedback from the card's buttons; absent where there is no site to remember it for. */
  onMute?: (anchor: A, reason: MuteReason) => void;
  /** Draw the shown term with the focus look even on hover (when marks are otherwise invisible). */
  revealOnShow?: boolean;
  /** Rest on a term this long before its tooltip opens (ms). */
  intentMs?: number;
  /** Grace period to move the pointer from the term onto the tooltip (ms). */
  graceMs?: number;
  /** Where hover cards are drawn instead of here, when it can (cards opened by keyboard stay here). */
  elsewhere?: CardElsewhere;
  /** A card of this controller's is about to be drawn here. */
  onShow?: () => void;
  probe?: Probe;
}

/** Cards kept for the terms last pointed at. */
const CARD_CACHE = 16;
/** A touch that moves less than this (px) and lifts within TAP_MS is a tap. */
const TAP_SLOP = 10;
const TAP_MS = 600;
/**
 * What a tap belongs to the page for: links and controls (and editable text). A tap
 * there is never taken; a long press there selects the word, which opens its card.
 */
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [contenteditable]:not([contenteditable="false"]), [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [onclick]';

export class TooltipController<A extends Anchor> {
  private view: TooltipView | undefined;
  private current: A | undefined;
  /** The anchor whose card is on its way (stepping on goes on from it). */
  private opening: A | undefined;
  private pending: A | undefined;
  private intentTimer: number | undefined;
  private hideTimer: number | undefined;
  private frame = 0;
  /** Bumped by every show and hide, so a card that arrives late is not shown over a newer choice. */
  private generation = 0;
  private point: { x: number; y: number; target: EventTarget | null } | undefined;
  private restoreFocus: HTMLElement | undefined;
  /** The finger down now, if any; and what the last pointer was (a touch, or a mouse or pen). */
  private touch: { id: number; x: number; y: number; at: number } | undefined;
  private lastPointer = '';
  private selectionFrame = 0;
  /** The card drawn elsewhere now (its token), and whether the reader's pointer is on it. */
  private remote: { token: string; inside: boolean } | undefined;
  private moveFrame = 0;
  private followingRemote = false;
  /** Whether the reader's pointer is in this frame (it left with no element to go to: onto the card above, perhaps). */
  private pointerHere = false;
  /** Whether the open card was opened by keyboard (focus in it). */
  private focusedCard = false;
  private guardHandle: ((e: Event) => void) | undefined;
  private readonly cards = new Map<string, Promise<CardData | undefined>>();

  constructor(private readonly options: TooltipOptions<A>) {
    const { doc, win, signal } = options;
    const listen = { capture: true, passive: true, signal };
    // In Firefox, events aimed at the open card stop at the frame's guard, before the
    // page sees them, and come here instead of to our listeners (event-guard.ts).
    const guard = eventGuard();
    if (guard) {
      // A frame's next page (SPA navigation) makes its own controller before this one
      // ends: this one lets go only of its own handler.
      const handle = (e: Event) => this.guarded(e);
      this.guardHandle = handle;
      // Not while a card is open (the top frame may be showing a child frame's): whoever
      // shows a card takes the guard's handle then.
      if (!guard.host) guard.handle = handle;
      signal.addEventListener('abort', () => guard.handle === handle && (guard.handle = undefined), { once: true });
    }
    // Only the reader's own pointer and keys: a page synthesising events cannot open,
    // move or close tooltips. The pointer is followed only once there are terms to point
    // at: a page with none must not pay for (or be able to time) a hit test per move.
    let following = false;
    const follow = () => {
      if (following || signal.aborted || !options.anchors.any()) return;
      following = true;
      doc.addEventListener('pointermove', (e) => e.isTrusted && this.onPointerMove(e), listen);
      // Touch: a tap on a term opens its card, a tap elsewhere closes it; in links and
      // controls, selecting the term (a long press) opens it. Listeners are passive:
      // the page's own handling of the tap is never prevented.
      doc.addEventListener('pointerdown', (e) => e.isTrusted && this.onPointerDown(e), listen);
      doc.addEventListener('pointerup', (e) => e.isTrusted && this.onPointerUp(e), listen);
      doc.addEventListener('pointercancel', () => (this.touch = undefined), listen);
      doc.addEventListener('selectionchange', () => this.onSelectionChange(), listen);
      win.addEventListener(
        'keydown',
        (e) => e.isTrusted && e.key === 'Escape' && this.current && this.hide(true),
        listen,
      );
    };
    follow();
    const elsewhere = options.elsewhere;
    if (elsewhere) {
      const stop = elsewhere.listen((token, event) => this.onElsewhere(token, event));
      signal.addEventListener('abort', stop, { once: true });
    }
    options.anchors.subscribe(() => {
      follow();
      this.anchorsChanged();
    });
    signal.addEventListener('abort', () => this.dispose(), { once: true });
  }

  /** An event aimed at the open card, stopped by the guard: what our own listeners would have done. */
  private guarded(e: Event): void {
    if (!e.isTrusted) return;
    if (e.type === 'pointermove') this.onPointerMove(e as PointerEvent);
    else if (e.type === 'keydown' && (e as KeyboardEvent).key === 'Escape') {
      if (this.current) this.hide(true);
    } else if (e.type === 'click') cardAction(innermostTarget(e))?.();
  }

  get shown(): A | undefined {
    return this.current;
  }

  /** Whether the open card was opened by keyboard and holds the reader's focus. */
  get focused(): boolean {
    return !!this.current && this.focusedCard && !!this.view?.isOpen;
  }

  /** Builds the (unattached) tooltip while the page is idle, so the first hover does not pay for it. */
  warm(): void {
    const { win, doc, signal } = this.options;
    const idle = (win as unknown as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    const warm = () => void (signal.aborted || (this.view ??= new TooltipView(doc, win, () => this.hide(false))));
    if (idle) idle.call(win, warm);
    else win.setTimeout(warm, 200);
  }

  /** A tooltip whose term is gone (its text changed or left the page) closes. */
  private anchorsChanged(): void {
    if (!this.current) return;
    const again = this.options.anchors.current(this.current);
    if (again) this.current = again;
    else this.hide(false);
  }

  private onPointerDown(e: PointerEvent) {
    this.lastPointer = e.pointerType;
    this.touch =
      e.pointerType === 'touch' ? { id: e.pointerId, x: e.clientX, y: e.clientY, at: e.timeStamp } : undefined;
  }

  private onPointerUp(e: PointerEvent) {
    const touch = this.touch;
    this.touch = undefined;
    if (!touch || e.pointerId !== touch.id || e.timeStamp - touch.at > TAP_MS) return;
    if (Math.hypot(e.clientX - touch.x, e.clientY - touch.y) > TAP_SLOP) return;
    const path = e.composedPath();
    // On the card: its buttons take the tap.
    if (this.view?.host && path.includes(this.view.host)) return;
    if (path.some((n) => n instanceof this.options.win.Element && n.matches(INTERACTIVE))) return;
    const anchor = this.options.anchors.at(e.clientX, e.clientY);
    if (anchor) {
      if (anchor !== this.current) void this.show(anchor);
    } else if (this.current || this.opening) this.hide(false);
  }

  /** After a touch, a selection on a term (a long press in a link) opens its card. */
  private onSelectionChange() {
    if (this.lastPointer !== 'touch' || this.selectionFrame) return;
    const { win } = this.options;
    this.selectionFrame = win.requestAnimationFrame(() => {
      this.selectionFrame = 0;
      const selection = win.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || this.options.signal.aborted) return;
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      if (!rect.width && !rect.height) return;
      const anchor = this.options.anchors.at(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (anchor && anchor !== this.current) void this.show(anchor);
    });
  }

  /** What happened to the card drawn elsewhere. */
  private onElsewhere(token: string, event: ElsewhereEvent) {
    const remote = this.remote;
    if (!remote || remote.token !== token) return;
    if (event === 'enter') {
      remote.inside = true;
      this.cancelHide();
    } else if (event === 'leave') {
      remote.inside = false;
      // Back on the term here (this frame's own check already kept the card): a late word changes nothing.
      const point = this.point;
      const back =
        this.pointerHere && point && this.current && this.options.anchors.at(point.x, point.y) === this.current;
      if (!back) this.hideSoon();
    } else {
      // Closed there (Esc, a click beside it, another card): nothing to take down.
      this.remote = undefined;
      this.hide(false);
    }
  }

  /** While a card is drawn elsewhere: the pointer leaving this frame, and the term moving, are told. */
  private followRemote() {
    if (this.followingRemote) return;
    this.followingRemote = true;
    const { doc, win, signal } = this.options;
    const listen = { capture: true, passive: true, signal };
    // Out of the frame (onto the card above, perhaps): the grace period runs, unless the
    // card says the pointer is on it.
    // (Not for a finger: a touch ends with a pointerout; a tap elsewhere closes its card.)
    doc.addEventListener(
      'pointerout',
      (e) => {
        if (!e.isTrusted || e.relatedTarget || e.pointerType === 'touch') return;
        this.pointerHere = false;
        if (this.remote && !this.remote.inside) this.hideSoon();
      },
      listen,
    );
    const moved = (e: Event) => {
      if (!e.isTrusted || !this.remote || this.moveFrame) return;
      this.moveFrame = win.requestAnimationFrame(() => {
        this.moveFrame = 0;
        const remote = this.remote;
        const anchor = this.current;
        if (!remote || !anchor || signal.aborted) return;
        const rects = boxes(liveRange(doc, anchor.range).getClientRects());
        // Scrolled out of the frame's view: the card closes.
        const seen = rects.some(
          (r) => r.x + r.width > 0 && r.y + r.height > 0 && r.x < win.innerWidth && r.y < win.innerHeight,
        );
        if (seen) this.options.elsewhere?.move(remote.token, rects);
        else this.hide(false);
      });
    };
    win.addEventListener('scroll', moved, listen);
    win.addEventListener('resize', moved, listen);
  }

  private hideSoon() {
    if (this.current && this.hideTimer === undefined)
      this.hideTimer = this.options.win.setTimeout(() => this.hide(false), this.options.graceMs ?? 300);
  }

  private onPointerMove(e: PointerEvent) {
    if (e.pointerType === 'touch') return;
    this.pointerHere = true;
    this.point = { x: e.clientX, y: e.clientY, target: e.target };
    if (!this.frame) this.frame = this.options.win.requestAnimationFrame(() => this.check());
  }

  private check() {
    this.frame = 0;
    const point = this.point;
    if (!point || this.options.signal.aborted) return;
    if (this.view && point.target === this.view.host) return this.cancelHide();
    const anchor = this.options.anchors.at(point.x, point.y);
    if (anchor && anchor === this.current) return this.cancelHide();
    if (anchor !== this.pending) {
      this.pending = anchor;
      this.clearTimer('intentTimer');
      if (anchor) {
        // The card's content is fetched while the intent runs.
        void this.card(anchor.entityId);
        this.intentTimer = this.options.win.setTimeout(() => this.show(anchor), this.options.intentMs ?? 200);
      }
    }
    if (!anchor) this.hideSoon();
  }

  private card(entityId: string): Promise<CardData | undefined> {
    let card = this.cards.get(entityId);
    if (!card) {
      card = this.options.loadCard(entityId, this.options.anchors.entityIds()).catch(() => undefined);
      this.cards.set(entityId, card);
      if (this.cards.size > CARD_CACHE) this.cards.delete(this.cards.keys().next().value!);
    }
    return card;
  }

  /**
   * Opens the tooltip for anchor once its card is at hand. With focus, keyboard focus
   * moves into it (and returns on close). Resolves true if it opened.
   */
  async show(anchor: A, focus = false): Promise<boolean> {
    this.clearTimer('intentTimer');
    this.cancelHide();
    this.pending = undefined;
    const { doc, win, anchors } = this.options;
    const began = win.performance.now();
    const generation = ++this.generation;
    const active = doc.activeElement;
    this.opening = anchor;
    const data = await this.card(anchor.entityId);
    if (generation !== this.generation || this.options.signal.aborted) return false;
    this.opening = undefined;
    if (!data) return false;
    const pageText = liveRange(doc, anchor.range).toString();
    // A hover card goes where it can be drawn whole, if anywhere (the top frame).
    const elsewhere = this.options.elsewhere;
    // (A card the reader stepped to by keyboard stays here, with its focus, until they move on.)
    if (elsewhere && !focus && !(this.focusedCard && this.view?.isOpen)) {
      const rects = boxes(liveRange(doc, anchor.range).getClientRects());
      // The card above now is replaced there by the new one: what that one hears from now on is not ours.
      const replaced = this.remote;
      this.remote = undefined;
      const token = await elsewhere
        .show({
          data,
          alias: anchor.alias,
          pageText,
          rects,
          viewport: { width: win.innerWidth, height: win.innerHeight },
        })
        .catch(() => undefined);
      if (generation !== this.generation || this.options.signal.aborted) {
        if (token) elsewhere.hide(token);
        else if (replaced) elsewhere.hide(replaced.token);
        return false;
      }
      if (!token && replaced) elsewhere.hide(replaced.token);
      if (token) {
        // The one here goes.
        this.view?.hide();
        this.focusedCard = false;
        this.remote = { token, inside: false };
        this.current = anchor;
        anchors.emphasize(this.options.revealOnShow ? anchor : undefined);
        this.followRemote();
        return true;
      }
    }
    this.dropRemote();
    this.options.onShow?.();
    const view = (this.view ??= new TooltipView(doc, win, () => this.hide(false)));
    const guard = eventGuard();
    if (guard && this.guardHandle) guard.handle = this.guardHandle;
    this.focusedCard = focus;
    const card = buildCard(doc, {
      card: data,
      alias: anchor.alias,
      pageText,
      onOpen: (id) => this.options.onOpenEntity(id),
      onMute: this.options.onMute && ((reason) => this.options.onMute?.(anchor, reason)),
    });
    const range = anchor.range;
    if (focus && !this.restoreFocus && active instanceof win.HTMLElement && active !== view.host)
      this.restoreFocus = active;
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
    this.current = anchor;
    anchors.emphasize(focus || this.options.revealOnShow ? anchor : undefined);
    return true;
  }

  hide(restoreFocus: boolean): void {
    this.generation++;
    this.opening = undefined;
    this.clearTimer('intentTimer');
    this.cancelHide();
    this.pending = undefined;
    this.current = undefined;
    this.dropRemote();
    const view = this.view;
    // Focus leaves the card before it hides (Firefox would leave it on our host).
    if (view?.host && this.options.doc.activeElement === view.host) {
      view.card?.blur();
      if (restoreFocus) this.restoreFocus?.focus({ preventScroll: true });
    }
    view?.hide();
    this.options.anchors.emphasize(undefined);
    this.restoreFocus = undefined;
  }

  /** Moves to the next or previous term in reading order, scrolls to it, opens its tooltip. */
  step(direction: 1 | -1): boolean {
    const { doc, win, anchors } = this.options;
    const top = (a: A) => liveRange(doc, a.range).getBoundingClientRect().top;
    const anchor = stepMark(anchors.ordered(), direction, this.opening ?? this.current, top, win.innerHeight);
    if (!anchor) return false;
    this.scrollTo(anchor);
    void this.show(anchor, true);
    return true;
  }

  /**
   * Scrolls to the nth term of an entity in reading order (wrapping) and opens its
   * tooltip, without taking focus (the popup's "On this page" asks from outside the page).
   */
  showOccurrence(entityId: string, n: number): boolean {
    const all = this.options.anchors.ordered().filter((a) => a.entityId === entityId);
    if (all.length === 0) return false;
    const anchor = all[((n % all.length) + all.length) % all.length]!;
    this.scrollTo(anchor);
    void this.show(anchor, false);
    return true;
  }

  private scrollTo(anchor: A) {
    const { doc, win } = this.options;
    const rect = liveRange(doc, anchor.range).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > win.innerHeight) {
      anchor.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  }

  /** The card drawn elsewhere, if any, is taken down. */
  private dropRemote() {
    const remote = this.remote;
    this.remote = undefined;
    if (remote) this.options.elsewhere?.hide(remote.token);
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
    this.generation++;
    this.clearTimer('intentTimer');
    this.cancelHide();
    if (this.frame) this.options.win.cancelAnimationFrame(this.frame);
    if (this.selectionFrame) this.options.win.cancelAnimationFrame(this.selectionFrame);
    if (this.moveFrame) this.options.win.cancelAnimationFrame(this.moveFrame);
    this.dropRemote();
    this.view?.hide();
    this.view = undefined;
    this.current = undefined;
  }
}

/** Plain boxes of a range's client rects (to send, or to draw against). */
function boxes(rects: DOMRectList): Box[] {
  return [...rects].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
}
