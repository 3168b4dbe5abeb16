import type { TermMatch } from '../match/term-matcher';
import { locateIndex, type TextRun } from './text-runs';

// Whether text is drawn. Text the reader cannot see (display:none, the hidden
// attribute, visibility:hidden, opacity 0, a closed <details>, content-visibility:hidden,
// hidden="until-found", light DOM no slot takes) gives no evidence, no mark, no count and
// no keyboard stop. content-visibility:auto content that is merely off screen is drawn
// as far as this goes: it is on the page, found by find-in-page, and read by screen
// readers.
//
// Only the text a term was found in is asked about, once per element per batch: the
// question costs a style update, which a page with no terms never pays.

const SHOWN: CheckVisibilityOptions = { visibilityProperty: true, opacityProperty: true };

export class Rendered {
  private readonly cache = new Map<Element, boolean>();
  private readonly contents = new Map<Element, boolean>();

  /** Forgets earlier answers (the page's style may have changed since). */
  reset(): void {
    this.cache.clear();
    this.contents.clear();
  }

  elementShown(el: Element): boolean {
    let shown = this.cache.get(el);
    if (shown === undefined) {
      // A DOM without layout (tests, a document with no window) draws everything.
      shown = typeof el.checkVisibility === 'function' ? el.checkVisibility(SHOWN) : true;
      // An element with no box of its own (display:contents, a <slot>) is drawn where its
      // parent is: its text is.
      if (!shown) {
        const view = el.ownerDocument.defaultView;
        if (view && view.getComputedStyle(el).display === 'contents') {
          const up = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
          shown = up ? this.elementShown(up) : true;
        }
      }
      this.cache.set(el, shown);
    }
    return shown;
  }

  textShown(node: Node): boolean {
    const parent = node.parentNode;
    if (!parent) return false;
    if (parent.nodeType === 11) {
      // Directly in a shadow root: drawn where its host is.
      const host = (parent as ShadowRoot).host;
      return host ? this.elementShown(host) : true;
    }
    if (parent.nodeType !== 1) return true;
    const el = parent as Element;
    // Text directly in a closed <details> (outside its summary) is not drawn, yet the
    // details element itself is.
    if (el.localName === 'details' && !(el as HTMLDetailsElement).open) return false;
    // Text directly in a shadow host is drawn only through a slot that takes it.
    if (el.shadowRoot) {
      const slot = (node as Text).assignedSlot;
      if (!slot) return false;
      return this.elementShown(slot.parentElement ?? el);
    }
    return this.elementShown(el) && this.showsContent(el);
  }

  /** False for an element that is drawn but skips its contents (content-visibility:hidden, hidden="until-found"). */
  private showsContent(el: Element): boolean {
    let shows = this.contents.get(el);
    if (shows === undefined) {
      const view = el.ownerDocument.defaultView;
      shows = !view || view.getComputedStyle(el).contentVisibility !== 'hidden';
      this.contents.set(el, shows);
    }
    return shows;
  }
}

export interface Split {
  shown: TermMatch[];
  /** A text node of each hidden match (to ask again later). */
  hidden: Text[];
}

/** Splits a run's matches into the drawn ones and the rest. */
export function splitShown(run: TextRun, matches: readonly TermMatch[], rendered: Rendered): Split {
  const shown: TermMatch[] = [];
  const hidden: Text[] = [];
  for (const match of matches) {
    // Every node it spans must be drawn ("Jet <span hidden>Propulsion</span> Laboratory"
    // is not what the reader sees).
    const first = locateIndex(run, match.start);
    const last = locateIndex(run, match.end, true);
    let gone: Text | undefined;
    for (let i = first; i <= last && !gone; i++) if (!rendered.textShown(run.nodes[i]!)) gone = run.nodes[i];
    if (!gone) shown.push(match);
    else if (!hidden.includes(gone)) hidden.push(gone);
  }
  return { shown, hidden };
}
