// Where a frame sits in the top frame's viewport, found without a word to the page: a
// frame knows its place among its parent's frames (window.frames[i] === window, which
// every browser allows across origins), and the top frame finds the element holding
// that window among its own (element.contentWindow === window.frames[i]). Nothing is
// posted, so no page sees a message; a frame behind another origin's frame, or drawn
// transformed, has no place the top can vouch for, and keeps its card in itself.

/** How deep a frame may be for its card to be drawn by the top frame. */
const MAX_DEPTH = 8;
/** How many frames a page may hold for the search (beyond that, the frame draws its own card). */
const MAX_FRAMES = 1000;

/** A frame's place among its ancestors' frames, from the top: [] for the top frame; undefined if not found. */
export function framePath(win: Window): number[] | undefined {
  const path: number[] = [];
  try {
    let w: Window = win;
    while (w !== w.top) {
      const parent = w.parent;
      const count = Math.min(parent.length, MAX_FRAMES);
      let at = -1;
      for (let i = 0; i < count; i++) {
        if (parent[i] === w) {
          at = i;
          break;
        }
      }
      if (at < 0 || path.length >= MAX_DEPTH) return undefined;
      path.unshift(at);
      w = parent;
    }
  } catch {
    return undefined;
  }
  return path;
}

const CONTAINERS = 'iframe, frame, object, embed';

/** The element of doc that holds win (a window of doc's frames), searching doc and the given shadow roots. */
function holderOf(doc: Document, win: Window, roots: Iterable<ShadowRoot>): HTMLElement | undefined {
  const scopes: ParentNode[] = [doc, ...roots];
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll(CONTAINERS)) {
      const holder = el as HTMLIFrameElement;
      try {
        if (holder.contentWindow === win) return holder;
      } catch {
        // A container that throws is not ours to ask.
      }
    }
  }
  return undefined;
}

/** The viewport offset of the frame's own viewport, in the top frame's, while it holds. */
export interface FramePlace {
  /** The outermost holding element (in the top document): what the card's position follows. */
  readonly element: Element;
  /** The element that holds the frame itself (its `load` is the frame's next page). */
  readonly holder?: Element;
  /** The size of the frame's viewport as its holder draws it. */
  readonly size?: { width: number; height: number };
  /** Where the frame's viewport's top left corner is now; undefined once a holder is gone or transformed. */
  offset(): { x: number; y: number } | undefined;
}

/** Whether anything from holder up its document applies more than a move (rotation, scale, mirror, zoom). */
function transformed(holder: HTMLElement): boolean {
  const view = holder.ownerDocument.defaultView;
  if (!view) return true;
  for (let el: Element | null = holder; el; el = el.parentElement) {
    const style = view.getComputedStyle(el);
    const t = style.transform;
    if (t && t !== 'none') {
      const m = /^matrix\(([^)]*)\)$/.exec(t)?.[1]?.split(',').map(Number);
      if (!m || m[0] !== 1 || m[1] !== 0 || m[2] !== 0 || m[3] !== 1) return true;
    }
    const more = style as CSSStyleDeclaration & { rotate?: string; scale?: string; zoom?: string };
    if ((more.rotate && more.rotate !== 'none') || (more.scale && more.scale !== 'none')) return true;
    if (more.zoom && more.zoom !== '1' && more.zoom !== 'normal') return true;
  }
  return false;
}

/** Where the content box of a holder is in its document's viewport; undefined if it is scaled or gone. */
function contentBox(holder: HTMLElement): { x: number; y: number } | undefined {
  if (!holder.isConnected) return undefined;
  const r = holder.getBoundingClientRect();
  // Transformed or zoomed holders draw the frame scaled: their coordinates are not ours.
  if (Math.abs(r.width - holder.offsetWidth) > 1 || Math.abs(r.height - holder.offsetHeight) > 1) return undefined;
  if (!r.width || !r.height) return undefined;
  const style = holder.ownerDocument.defaultView?.getComputedStyle(holder);
  const pad = (side: 'Left' | 'Top') => parseFloat(style?.[`padding${side}`] ?? '0') || 0;
  return { x: r.left + holder.clientLeft + pad('Left'), y: r.top + holder.clientTop + pad('Top') };
}

/**
 * The place of the frame at path in the top document: each level's holder must be in a
 * document this frame can read (the top's own, or same-origin frames below it).
 */
export function placeFrame(
  top: Window,
  path: readonly number[],
  roots: Iterable<ShadowRoot> = [],
): FramePlace | undefined {
  if (path.length === 0 || path.length > MAX_DEPTH) return undefined;
  const holders: { holder: HTMLElement; win: Window }[] = [];
  let win: Window = top;
  let doc: Document | null = top.document;
  for (const [depth, index] of path.entries()) {
    if (!doc) return undefined;
    let child: Window | null;
    try {
      child = index < win.length ? win[index]! : null;
    } catch {
      return undefined;
    }
    if (!child) return undefined;
    const holder = holderOf(doc, child, depth === 0 ? roots : []);
    if (!holder) return undefined;
    if (transformed(holder)) return undefined;
    holders.push({ holder, win: child });
    win = child;
    if (depth < path.length - 1) {
      try {
        doc = (holder as HTMLIFrameElement).contentDocument;
      } catch {
        doc = null;
      }
    }
  }
  const offset = () => {
    let x = 0;
    let y = 0;
    for (const { holder, win } of holders) {
      // A holder moved in its page holds another window now.
      if ((holder as HTMLIFrameElement).contentWindow !== win) return undefined;
      const box = contentBox(holder);
      if (!box) return undefined;
      x += box.x;
      y += box.y;
    }
    return { x, y };
  };
  if (!offset()) return undefined;
  const inner = holders[holders.length - 1]!.holder;
  const style = inner.ownerDocument.defaultView?.getComputedStyle(inner);
  const pad = (a: 'Left' | 'Top', b: 'Right' | 'Bottom') =>
    (parseFloat(style?.[`padding${a}`] ?? '0') || 0) + (parseFloat(style?.[`padding${b}`] ?? '0') || 0);
  return {
    element: holders[0]!.holder,
    holder: inner,
    size: { width: inner.clientWidth - pad('Left', 'Right'), height: inner.clientHeight - pad('Top', 'Bottom') },
    offset,
  };
}
