import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { TOOLTIP_CSS } from './style';

// Where the tooltip lives. The host is a custom element on <html> (not <body>, which
// frameworks re-render and `body > *` rules reach), created on first use (after
// hydration), with every property pinned by inline !important declarations set through
// the CSSOM (allowed under a strict style-src CSP, and stronger than any page rule).
// The card sits in a closed shadow root, where no page selector reaches, and is a
// manual popover, so it is drawn in the top layer above every z-index, overflow and
// transform and never light-dismisses the page's own popovers.

export const HOST_TAG = 'mars-lens-ui';

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

/** How often one showing puts back a host the page took away, before the page wins. */
const MAX_RESTORES = 3;

export class TooltipView {
  readonly host: HTMLElement;
  readonly card: HTMLElement;
  private stopPlacing: (() => void) | undefined;
  private readonly keeper: MutationObserver;
  private restores = 0;
  private shown = false;

  constructor(
    private readonly doc: Document,
    win: Window & typeof globalThis,
  ) {
    // Pages that remove elements they did not make (or move them) would close the card
    // mid-read: while it is shown, the host goes back (to <html>, then to <body>, out of
    // the way of a page that keeps clearing <html>) and the card reopens. A bounded number
    // of times, so a page that insists cannot start a loop.
    this.keeper = new win.MutationObserver(() => this.restore());
    this.host = doc.createElement(HOST_TAG);
    for (const [name, value] of HOST_STYLE) this.host.style.setProperty(name, value, 'important');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = TOOLTIP_CSS;
    try {
      // A constructed sheet is not subject to the page's style-src CSP; the <style>
      // element is the fallback where adopting fails.
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(TOOLTIP_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      shadow.append(style);
    }
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.setAttribute('popover', 'manual');
    this.card.setAttribute('role', 'tooltip');
    this.card.tabIndex = -1;
    shadow.append(this.card);
  }

  get isOpen(): boolean {
    return this.card.matches(':popover-open');
  }

  /** Shows content next to reference; with focus, focus moves into the card once it is placed. */
  show(content: Node, reference: VirtualElement, focus = false, onPlaced?: () => void): void {
    // The page may have removed our host (a framework re-rendering <html>); put it back.
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.shown = true;
    this.restores = 0;
    this.keeper.disconnect();
    this.keeper.observe(this.doc.documentElement, { childList: true });
    if (this.doc.body) this.keeper.observe(this.doc.body, { childList: true });
    this.card.replaceChildren(content);
    // Hidden until placed: the first position is computed asynchronously, and the card
    // must not flash in the corner (or be clicked there) meanwhile.
    this.card.style.visibility = 'hidden';
    if (!this.isOpen) this.card.showPopover();
    this.stopPlacing?.();
    let first = true;
    this.stopPlacing = autoUpdate(reference, this.card, () => {
      void computePosition(reference, this.card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        this.card.style.left = `${Math.round(x)}px`;
        this.card.style.top = `${Math.round(y)}px`;
        this.card.style.visibility = 'visible';
        if (first) {
          first = false;
          if (focus) this.card.focus({ preventScroll: true });
          onPlaced?.();
        }
      });
    });
  }

  private restore(): void {
    if (!this.shown || (this.host.isConnected && this.isOpen)) return;
    if (++this.restores > MAX_RESTORES) return;
    if (!this.host.isConnected) {
      const parent = this.restores === 1 ? this.doc.documentElement : (this.doc.body ?? this.doc.documentElement);
      parent.append(this.host);
    }
    // Taking a popover out of the document closes it.
    if (!this.isOpen) this.card.showPopover();
  }

  hide(): void {
    this.shown = false;
    this.keeper.disconnect();
    this.stopPlacing?.();
    this.stopPlacing = undefined;
    if (this.isOpen) this.card.hidePopover();
    this.card.replaceChildren();
  }

  remove(): void {
    this.hide();
    this.host.remove();
  }
}
