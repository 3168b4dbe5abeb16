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
  /** Where the frame's viewport's top left corner is now; undefined once a holder is gone or transformed. */
  offset(): { x: number; y: number } | undefined;
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
  const holders: HTMLElement[] = [];
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
    holders.push(holder);
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
    for (const holder of holders) {
      const box = contentBox(holder);
      if (!box) return undefined;
      x += box.x;
      y += box.y;
    }
    return { x, y };
  };
  return offset() ? { element: holders[0]!, offset } : undefined;
}
