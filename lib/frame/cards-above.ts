import type { CardAbove, CardEvent } from '../browser/messages';
import type { MuteReason } from '../tooltip/card';
import { buildCard, cardAction } from '../tooltip/card';
import { eventGuard, innermostTarget } from '../tooltip/event-guard';
import { TooltipView } from '../tooltip/tooltip-view';
import type { FramePlace } from './frame-place';

// The top frame draws the hover cards of its child frames, next to their terms, so a
// card is never cut off at a small frame's edge (as Yomitan does across frames). The
// child keeps deciding when its card opens and closes; the top frame tells it when the
// reader's pointer comes onto the card or leaves it, and when the card closes here (Esc,
// a tap or click beside it, a card of the top frame's own). One card at a time.

export interface CardsAboveOptions {
  doc: Document;
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** Where the frame at path is in this viewport, if this frame can tell. */
  place(path: readonly number[]): FramePlace | undefined;
  onOpenEntity(entityId: string): void;
  onMute(request: CardAbove, reason: MuteReason): void;
  /** Tells frame frameId what happened to its card. */
  tell(frameId: number, token: string, event: CardEvent): void;
  /** A child frame's card is about to be drawn: this frame's own card closes; false to keep it (the reader's focus is in it). */
  onShowing(): boolean;
}

interface Drawn {
  request: CardAbove & { frameId: number };
  place: FramePlace;
  /** The term's boxes in the child frame's viewport. */
  rects: CardAbove['rects'];
  inside: boolean;
}

const rect = (x: number, y: number, width: number, height: number): DOMRect =>
  ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;

export class CardsAbove {
  private view: TooltipView | undefined;
  private drawn: Drawn | undefined;
  private listening = false;
  private handleBefore: ((e: Event) => void) | undefined;

  constructor(private readonly options: CardsAboveOptions) {
    options.signal.addEventListener('abort', () => this.hide(false), { once: true });
  }

  /** Draws a child frame's card; false where its frame's place cannot be told (it draws the card itself then). */
  draw(request: CardAbove & { frameId: number }): boolean {
    const { doc, win, signal } = this.options;
    if (signal.aborted || !Array.isArray(request.path) || !Array.isArray(request.rects)) return false;
    const place = this.options.place(request.path);
    if (!place?.offset()) return false;
    // The frame found must be the frame that asked (the page may have added or taken out
    // frames before it meanwhile, and the index would name another).
    const size = place.size;
    const viewport = request.viewport;
    if (size && (!viewport || Math.abs(size.width - viewport.width) > 2 || Math.abs(size.height - viewport.height) > 2))
      return false;
    if (!this.options.onShowing()) return false;
    const before = this.drawn;
    // (A frame replacing its own card knows; another frame's hears it closed.)
    if (before && before.request.frameId !== request.frameId)
      this.options.tell(before.request.frameId, before.request.token, 'closed');
    this.listen();
    const drawn: Drawn = { request, place, rects: request.rects, inside: false };
    this.drawn = drawn;
    // The frame loading another page (its script gone without a word): the card goes.
    place.holder?.addEventListener('load', () => this.drawn === drawn && this.hide(true), {
      once: true,
      passive: true,
      signal,
    });
    const view = (this.view ??= new TooltipView(doc, win, () => this.hide(true)));
    const card = buildCard(doc, {
      card: request.card,
      alias: request.alias,
      pageText: request.pageText,
      onOpen: (id) => this.options.onOpenEntity(id),
      onMute: request.muteable ? (reason) => this.options.onMute(request, reason) : undefined,
    });
    // In this viewport: the frame's place now plus the term's boxes in the frame.
    const boxes = () => {
      const at = drawn.place.offset();
      if (!at) {
        // The frame left the page (or was transformed): its card goes.
        queueMicrotask(() => this.drawn === drawn && this.hide(true));
        return drawn.rects.map((r) => rect(r.x, r.y, r.width, r.height));
      }
      return drawn.rects.map((r) => rect(r.x + at.x, r.y + at.y, r.width, r.height));
    };
    view.show(card, {
      getBoundingClientRect: () => {
        const all = boxes();
        if (!all.length) return rect(0, 0, 0, 0);
        const left = Math.min(...all.map((r) => r.left));
        const top = Math.min(...all.map((r) => r.top));
        return rect(
          left,
          top,
          Math.max(...all.map((r) => r.right)) - left,
          Math.max(...all.map((r) => r.bottom)) - top,
        );
      },
      getClientRects: boxes,
      contextElement: place.element,
    });
    // In Firefox, events aimed at the card stop at the frame's guard and come here.
    const guard = eventGuard();
    if (guard && guard.handle !== this.guarded) {
      this.handleBefore = guard.handle;
      guard.handle = this.guarded;
    }
    return true;
  }

  /** A change from the child frame: its term moved (rects), or its card is done (none). */
  change(change: { frameId: number; token: string; rects?: CardAbove['rects'] }): void {
    const drawn = this.drawn;
    if (!drawn || drawn.request.frameId !== change.frameId || drawn.request.token !== change.token) return;
    if (!Array.isArray(change.rects)) {
      this.hide(false);
      return;
    }
    drawn.rects = change.rects;
    // The card follows at its next placing; a scroll in the frame does not move the
    // frame's element, so it is asked to place again now.
    this.view?.reposition();
  }

  /** Takes the card down; with tell, its frame hears it closed. */
  hide(tell: boolean): void {
    const drawn = this.drawn;
    this.drawn = undefined;
    this.view?.hide();
    const guard = eventGuard();
    if (guard && guard.handle === this.guarded) guard.handle = this.handleBefore;
    this.handleBefore = undefined;
    if (drawn && tell) this.options.tell(drawn.request.frameId, drawn.request.token, 'closed');
  }

  get shown(): boolean {
    return this.drawn !== undefined;
  }

  private pointerAt(onCard: boolean) {
    const drawn = this.drawn;
    if (!drawn || drawn.inside === onCard) return;
    drawn.inside = onCard;
    this.options.tell(drawn.request.frameId, drawn.request.token, onCard ? 'enter' : 'leave');
  }

  private readonly guarded = (e: Event) => {
    if (!e.isTrusted) return;
    const finger = (e as PointerEvent).pointerType === 'touch';
    if ((e.type === 'pointerover' || e.type === 'pointermove') && !finger) this.pointerAt(true);
    else if (e.type === 'pointerout' && !finger) this.pointerAt(this.onHost((e as PointerEvent).relatedTarget));
    else if (e.type === 'keydown' && (e as KeyboardEvent).key === 'Escape') this.hide(true);
    else if (e.type === 'click') cardAction(innermostTarget(e))?.();
  };

  private onHost(target: EventTarget | null): boolean {
    const host = this.view?.host;
    return !!host && target === host;
  }

  /** The reader's pointer and keys here, once there has been a card to draw. */
  private listen() {
    if (this.listening) return;
    this.listening = true;
    const { doc, win, signal } = this.options;
    const listen = { capture: true, passive: true, signal };
    // (A finger says nothing of where it rests: a touch card closes on a tap beside it.)
    const over = (e: PointerEvent) =>
      e.isTrusted && e.pointerType !== 'touch' && this.drawn && this.pointerAt(this.onHost(e.target));
    doc.addEventListener('pointerover', over, listen);
    doc.addEventListener('pointermove', over, listen);
    doc.addEventListener(
      'pointerout',
      (e) =>
        e.isTrusted &&
        e.pointerType !== 'touch' &&
        this.drawn &&
        this.onHost(e.target) &&
        this.pointerAt(this.onHost(e.relatedTarget)),
      listen,
    );
    // A tap or click beside the card closes it (not one on it; one in the term's frame
    // never reaches this document, and the frame follows its own pointer).
    doc.addEventListener(
      'pointerdown',
      (e) => e.isTrusted && this.drawn && !this.onHost(e.target) && this.hide(true),
      listen,
    );
    win.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && this.drawn && this.hide(true), listen);
  }
}
