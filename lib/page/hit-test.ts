import { liveRange } from '../dom/live-range';
import type { HighlightMarks } from './highlight-marks';
import type { Mark, MarkIndex } from './mark-index';

// Which mark is under the pointer. The page's DOM holds no element of ours to receive
// events, so the point is mapped back to a mark: by the highlight registry where the
// browser can answer that (highlightsFromPoint), else by the caret position under the
// point, checked against the mark's boxes (the caret snaps to the nearest text even
// when the pointer is in a margin).

interface HitResult {
  highlight: Highlight;
  ranges: AbstractRange[];
}
interface RegistryWithHits {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => HitResult[];
}
interface CaretDocument {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export interface HitTestContext {
  doc: Document;
  registry: HighlightRegistry;
  highlight: HighlightMarks;
  index: MarkIndex;
  shadowRoots: ShadowRoot[];
}

export function markAtPoint(ctx: HitTestContext, x: number, y: number): Mark | undefined {
  const registry = ctx.registry as HighlightRegistry & RegistryWithHits;
  if (typeof registry.highlightsFromPoint === 'function') {
    try {
      for (const hit of registry.highlightsFromPoint(x, y, { shadowRoots: ctx.shadowRoots })) {
        if (hit.highlight !== ctx.highlight.highlight) continue;
        for (const range of hit.ranges) {
          const mark = ctx.index.markOfRange(range);
          if (mark) return mark;
        }
      }
    } catch {
      // Fall through to the caret.
    }
  }
  const caret = caretAt(ctx.doc as Document & CaretDocument, x, y, ctx.shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const mark =
    ctx.index.markAt(caret.node as Text, caret.offset) ?? ctx.index.markAt(caret.node as Text, caret.offset - 1);
  // A mark that is indexed but not shown ("first mention only") is not there for the reader.
  return mark && ctx.highlight.has(mark.range) && rangeContainsPoint(ctx.doc, mark.range, x, y) ? mark : undefined;
}

function caretAt(
  doc: Document & CaretDocument,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

export function rangeContainsPoint(doc: Document, r: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(doc, r).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
