// Firefox gives every page script the real target of an event through its own
// `originalTarget` and `explicitOriginalTarget`, across shadow boundaries: a page
// listening to the reader's pointer or keys over the card would get the card's own
// nodes from its closed shadow root, and with them could read and rewrite the card.
//
// So in Firefox a tiny script runs in every frame before any of the page's
// (entrypoints/guard.ts, at document_start) and puts this guard first on the window.
// While a card is open, every event aimed at the card's host stops there, before any
// listener of the page's can see it, and the card's own handling is called directly
// (a trusted event cannot be dispatched again). Chromium retargets events properly and
// needs none of it. With no card open, each listener is one property check.

export interface EventGuard {
  /** The open card's host, while there is one. */
  host: Element | undefined;
  /** Called with each event stopped for the card (in place of its own listeners). */
  handle: ((event: Event) => void) | undefined;
}

const KEY = Symbol.for('mars-lens.event-guard');

/** Every kind of event that can be aimed at an element by the reader's input. */
export const GUARDED_EVENTS = [
  'pointerover',
  'pointerenter',
  'pointerdown',
  'pointermove',
  'pointerrawupdate',
  'pointerup',
  'pointercancel',
  'pointerout',
  'pointerleave',
  'gotpointercapture',
  'lostpointercapture',
  'mouseover',
  'mouseenter',
  'mousedown',
  'mousemove',
  'mouseup',
  'mouseout',
  'mouseleave',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'wheel',
  'touchstart',
  'touchmove',
  'touchend',
  'touchcancel',
  'focus',
  'blur',
  'focusin',
  'focusout',
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'select',
  'selectstart',
  'dragstart',
  'drag',
  'dragend',
  'copy',
  'cut',
  'paste',
] as const;

type Scope = typeof globalThis & { [KEY]?: EventGuard };

/** Puts the guard first on win (once per frame); it lives in this extension's own scope. */
export function installEventGuard(win: Window, scope: Scope = globalThis): EventGuard {
  if (scope[KEY]) return scope[KEY];
  const guard: EventGuard = { host: undefined, handle: undefined };
  // (An event from the page's own element with the host as its relatedTarget is the
  // page's: that target is retargeted to the host in every browser.)
  const aimedAtHost = (e: Event) => guard.host !== undefined && e.target === guard.host;
  for (const type of GUARDED_EVENTS)
    win.addEventListener(
      type,
      (e) => {
        if (!aimedAtHost(e)) return;
        e.stopImmediatePropagation();
        guard.handle?.(e);
      },
      { capture: true },
    );
  scope[KEY] = guard;
  return guard;
}

/** The frame's guard, if one was put in place (Firefox); undefined elsewhere. */
export function eventGuard(scope: Scope = globalThis): EventGuard | undefined {
  return scope[KEY];
}

/** The node an event really came from, inside a shadow root (Firefox's originalTarget), or its target. */
export function innermostTarget(e: Event): EventTarget | null {
  return (e as Event & { originalTarget?: EventTarget }).originalTarget ?? e.target;
}
