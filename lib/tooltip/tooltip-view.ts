import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { CARD_NAME_ID, CARD_SUMMARY_ID } from './card';
import { eventGuard } from './event-guard';
import { TOOLTIP_CSS } from './style';

// Where the tooltip lives. While a card is open, and only then, a plain <div> child of
// <html> (not <body>, which frameworks re-render and `body > *` rules reach) holds it in
// a closed shadow root. A built-in element, not a custom one: a page that defines the
// name first would get our element upgraded into its own class, and attachInternals()
// would hand it the closed root. A new host for each showing, so a page holding on to
// an old one holds nothing. Every property of the host is pinned by inline !important
// declarations set through the CSSOM (allowed under a strict style-src CSP, and stronger
// than any page rule), and put back if the page changes them. The card is a manual
// popover, drawn in the top layer above every z-index, overflow and transform, and never
// light-dismisses the page's own popovers.

/** Hosts made by this instance (the reader skips them). */
const hosts = new WeakSet<Node>();

export const isTooltipHost = (node: Node): boolean => hosts.has(node);

/** Marks our card inside its closed root, where only extension code can look (lib/frame/leftovers.ts). */
export const CARD_MARK = 'data-mars-lens-card';

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'none'],
];

interface Shown {
  host: HTMLElement;
  card: HTMLElement;
  /** The host's style as we left it. */
  style: string;
}

/**
 * How often a host the page took away or changed is put back within a second, before
 * the page wins: enough for any page that removes or restyles what it did not make, and
 * a page that fights it cannot start a loop.
 */
const MAX_RESTORES = 12;

export class TooltipView {
  private current: Shown | undefined;
  private readonly sheet: CSSStyleSheet | undefined;
  private stopPlacing: (() => void) | undefined;
  private placeAgain: (() => void) | undefined;
  private readonly keeper: MutationObserver;
  private restores = 0;
  private restoresSince = 0;

  constructor(
    private readonly doc: Document,
    win: Window & typeof globalThis,
    /** Called when the page keeps taking the card away and it is given up. */
    private readonly onLost?: () => void,
  ) {
    // Pages that remove elements they did not make (or move or restyle them) would close
    // or hide the card mid-read: while it is shown, the host goes back (to <html>, then
    // to <body>, out of the way of a page that keeps clearing <html>), its style is put
    // back and the card reopens. A bounded number of times, so a page that insists
    // cannot start a loop.
    this.keeper = new win.MutationObserver(() => this.restore());
    try {
      // A constructed sheet is not subject to the page's style-src CSP and is parsed
      // once; a <style> element is the fallback where constructing fails.
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(TOOLTIP_CSS);
      this.sheet = sheet;
    } catch {
      this.sheet = undefined;
    }
  }

  /** The host while a card is open. */
  get host(): HTMLElement | undefined {
    return this.current?.host;
  }

  /** The card while one is open. */
  get card(): HTMLElement | undefined {
    return this.current?.card;
  }

  get isOpen(): boolean {
    return this.current?.card.matches(':popover-open') ?? false;
  }

  private make(): Shown {
    const doc = this.doc;
    const host = doc.createElement('div');
    hosts.add(host);
    const style = pinStyle(host);
    const shadow = host.attachShadow({ mode: 'closed' });
    if (this.sheet) shadow.adoptedStyleSheets = [this.sheet];
    else {
      const style = doc.createElement('style');
      style.textContent = TOOLTIP_CSS;
      shadow.append(style);
    }
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute(CARD_MARK, '');
    card.setAttribute('popover', 'manual');
    card.setAttribute('role', 'tooltip');
    card.tabIndex = -1;
    shadow.append(card);
    return { host, card, style };
  }

  /** Shows content next to reference; with focus, focus moves into the card once it is placed. */
  show(content: Node, reference: VirtualElement, focus = false, onPlaced?: () => void): void {
    const shown = (this.current ??= this.make());
    const { host, card } = shown;
    const guard = eventGuard();
    if (guard) guard.host = host;
    const home = topLayerHome(this.doc);
    if (host.parentNode !== home) home.append(host);
    this.watch();
    card.replaceChildren(content);
    // Opened by keyboard, focus moves into it: a screen reader then announces it as a
    // dialog named by its term and described by its summary. Opened by hover, focus stays
    // where it is and it is the term's tooltip.
    if (focus) {
      card.setAttribute('role', 'dialog');
      card.setAttribute('aria-labelledby', CARD_NAME_ID);
      card.setAttribute('aria-describedby', CARD_SUMMARY_ID);
    } else {
      card.setAttribute('role', 'tooltip');
      card.removeAttribute('aria-labelledby');
      card.removeAttribute('aria-describedby');
    }
    // Hidden until placed: the first position is computed asynchronously, and the card
    // must not flash in the corner (or be clicked there) meanwhile.
    card.style.visibility = 'hidden';
    if (!this.isOpen) card.showPopover();
    this.stopPlacing?.();
    let first = true;
    const place = () => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the room on its side: its buttons stay on screen.
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        if (this.current !== shown) return;
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.style.visibility = 'visible';
        if (first) {
          first = false;
          if (focus) card.focus({ preventScroll: true });
          onPlaced?.();
        }
      });
    };
    this.placeAgain = place;
    this.stopPlacing = autoUpdate(reference, card, place);
  }

  /** Places the open card again (its reference moved in a way the page's layout does not show). */
  reposition(): void {
    if (this.current) this.placeAgain?.();
  }

  private watch() {
    const host = this.current?.host;
    if (!host) return;
    this.keeper.disconnect();
    this.keeper.observe(this.doc.documentElement, { childList: true, attributes: true });
    if (this.doc.body) this.keeper.observe(this.doc.body, { childList: true, attributes: true });
    this.keeper.observe(host, { attributes: true, childList: true });
    // Wherever the page moved it: a change to any ancestor (a class that hides it,
    // inert, being moved on) is seen too.
    for (
      let at = host.parentElement;
      at && at !== this.doc.body && at !== this.doc.documentElement;
      at = at.parentElement
    )
      this.keeper.observe(at, { attributes: true, childList: true });
  }

  private restore(): void {
    const shown = this.current;
    if (!shown) return;
    const { host, card, style } = shown;
    // Where the page moved it is fine while the card is drawn from there (the top layer
    // escapes transforms and clipping), not inside something hidden or inert.
    const home = host.isConnected && drawable(host);
    if (home && this.isOpen && pinned(host, style) && !host.firstChild) return;
    const now = Date.now();
    if (now - this.restoresSince > 1000) {
      this.restoresSince = now;
      this.restores = 0;
    }
    if (++this.restores > MAX_RESTORES) {
      // The page wins: the card closes (and opens again for the next rest on a term).
      this.onLost?.();
      return;
    }
    // Our own changes below are seen by the keeper too: it is stopped while we make them.
    this.keeper.disconnect();
    if (!pinned(host, style)) shown.style = pinStyle(host);
    // Light children of the host are never drawn (the shadow root has no slot), but they
    // are not the page's to put there either.
    host.replaceChildren();
    if (!home) {
      const top = topLayerHome(this.doc);
      const parent =
        top !== this.doc.documentElement || this.restores === 1 ? top : (this.doc.body ?? this.doc.documentElement);
      parent.append(host);
    }
    // Taking a popover out of the document closes it.
    if (!card.matches(':popover-open')) card.showPopover();
    this.watch();
  }

  hide(): void {
    this.keeper.disconnect();
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    this.placeAgain = undefined;
    const shown = this.current;
    this.current = undefined;
    if (!shown) return;
    const guard = eventGuard();
    if (guard?.host === shown.host) guard.host = undefined;
    if (shown.card.matches(':popover-open')) shown.card.hidePopover();
    shown.host.remove();
  }
}

/**
 * Where a card can be used: inside the open modal dialog (everything outside it is inert
 * and hidden from assistive technology), or the fullscreen element (the only thing
 * drawn), or else under <html>.
 */
export function topLayerHome(doc: Document): Element {
  let modals: ArrayLike<Element> = [];
  try {
    modals = doc.querySelectorAll('dialog:modal');
  } catch {
    // A DOM without :modal has no modal dialogs either.
  }
  const dialog = modals.length ? modals[modals.length - 1]! : null;
  const full = doc.fullscreenElement;
  // A fullscreen element that cannot hold a drawn child (a <video>, an <iframe>) leaves the card under <html>.
  const fullOk = full && !/^(video|iframe|img|canvas|embed|object|audio)$/.test(full.localName) ? full : null;
  if (dialog && (!fullOk || fullOk.contains(dialog))) return dialog;
  return fullOk ?? doc.documentElement;
}

/** Pins the host's inline style, and leaves nothing else on it; returns the style as serialized. */
function pinStyle(host: HTMLElement): string {
  for (const name of host.getAttributeNames()) host.removeAttribute(name);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  return host.style.cssText;
}

/** Whether a card in the host would be drawn and usable where it is. */
function drawable(host: HTMLElement): boolean {
  const visible =
    typeof host.checkVisibility === 'function' ? host.checkVisibility({ visibilityProperty: true }) : true;
  return visible && !host.parentElement?.closest('[inert]');
}

/** Whether the host still has only our style on it. */
function pinned(host: HTMLElement, style: string): boolean {
  const names = host.getAttributeNames();
  return names.length === 1 && names[0] === 'style' && host.style.cssText === style;
}
