import { INLINE_TAGS, SKIP_TAGS } from './skip-rules';
import { blockOf, skipSubtree } from './text-runs';

// Turns a batch of MutationRecords into the smallest set of subtrees to read again.
// Appending a block (a live-blog post) rereads just that block, never its growing
// parent, so a live blog costs the same per post at post 10 as at post 10,000. Text
// edits and inline insertions reread the run they sit in (the line of prose around
// them, up to the nearest block boundary on each side), never the rest of its block: a
// clock <span> ticking directly under <body> rereads its own line, not the page.

export interface DirtySet {
  /** Subtrees to read again. */
  roots: Set<Node>;
  /** Nodes whose run (see regionAround) is to be read again. */
  anchors: Set<Node>;
  /** Nodes taken out of the page: their marks go. */
  removed: Node[];
}

const ELEMENT = 1;
const TEXT = 3;

function joinsRuns(node: Node | null): boolean {
  return (
    !!node && (node.nodeType === TEXT || (node.nodeType === ELEMENT && INLINE_TAGS.has((node as Element).localName)))
  );
}

/**
 * The page moved or removed our tooltip host and nothing else: its text did not change,
 * and re-reading the block would replace the marks under an open tooltip.
 */
function onlyOwnUi(record: MutationRecord, isOwnUi: (node: Node) => boolean): boolean {
  const { addedNodes: added, removedNodes: removed } = record;
  if (added.length + removed.length === 0) return false;
  for (const node of added) if (!isOwnUi(node)) return false;
  for (const node of removed) if (!isOwnUi(node)) return false;
  return true;
}

export function collectDirty(
  records: readonly MutationRecord[],
  isOwnUi: (node: Node) => boolean,
  into: DirtySet,
): void {
  for (const record of records) {
    const target = record.target;
    if (record.type === 'characterData') {
      into.anchors.add(target);
      continue;
    }
    if (record.type !== 'childList' || isOwnUi(target) || onlyOwnUi(record, isOwnUi)) continue;
    const { previousSibling: prev, nextSibling: next } = record;
    // Inside inline markup, a block coming or going splits or joins the run around that
    // markup, whatever its own neighbours are ("P<b><p></p></b>IXL").
    const inInline = joinsRuns(target);
    let reblock = joinsRuns(prev) || joinsRuns(next);
    // Nodes removed from between neighbours that now join. With no siblings on record
    // (everything went, or a DOM that does not report them), look at what is left.
    if (!prev && !next && record.removedNodes.length) reblock ||= [...target.childNodes].some(joinsRuns);
    for (const node of record.removedNodes) {
      if (isOwnUi(node)) continue;
      into.removed.push(node);
      if (joinsRuns(node) || (inInline && node.nodeType === ELEMENT)) reblock = true;
    }
    for (const node of record.addedNodes) {
      if (isOwnUi(node)) continue;
      // A block put between text splits a run: its neighbours, as they stand now, say so.
      if (
        joinsRuns(node) ||
        (inInline && node.nodeType === ELEMENT) ||
        (node.parentNode === target && (joinsRuns(node.previousSibling) || joinsRuns(node.nextSibling)))
      )
        reblock = true;
      else if (node.nodeType === ELEMENT) into.roots.add(node);
    }
    if (!reblock) continue;
    // Inside inline markup: the run around that markup. Directly in a block: the runs
    // beside what changed, as the block's children stand now; with nothing beside it,
    // the block.
    // Inside inline markup: the run around that markup. Directly in a block: the block.
    if (inInline) into.anchors.add(target);
    else into.roots.add(target);
  }
}

/** A stretch of a block to read again: from `from` up to (not including) `stopAt`, or to the block's end. */
export interface Region {
  block: Node;
  from: Node;
  stopAt?: Node;
}

function isText(n: Node): boolean {
  return n.nodeType === TEXT;
}

function inlineElement(n: Node): boolean {
  if (n.nodeType !== ELEMENT) return false;
  const name = (n as Element).localName;
  return INLINE_TAGS.has(name) && !SKIP_TAGS.has(name);
}

/**
 * The run node sits in, widened to whole nodes: back to just after the nearest block
 * boundary before it and on to the nearest one after it, within its block. Undefined if
 * node is not in a block (it left the page).
 */
export function regionAround(node: Node): Region | undefined {
  const block = blockOf(node.nodeType === TEXT ? node.parentNode : node);
  if (!block || (block !== node && !block.contains(node))) return undefined;
  if (block === node) return { block, from: block };
  const doc = block.ownerDocument ?? (block as Document);
  const walker = doc.createTreeWalker(block, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  // Backwards: text and inline markup of this block (ancestors of node included) belong
  // to the run; a block, a skipped element, or text inside one, ends it.
  let from = node;
  walker.currentNode = node;
  for (let n = walker.previousNode(); n && n !== block; n = walker.previousNode()) {
    if (isText(n) ? blockOf(n.parentNode, block) !== block : !inlineElement(n)) break;
    from = n;
  }
  // Forwards, after node's subtree.
  walker.currentNode = node;
  let n = skipSubtree(walker);
  while (n && (isText(n) || inlineElement(n))) n = walker.nextNode();
  return n ? { block, from, stopAt: n } : { block, from };
}

/** Drops roots that are gone from the page or inside another root of the set. */
export function outermostConnected(roots: Iterable<Node>): Node[] {
  const set = new Set(roots);
  const out: Node[] = [];
  for (const root of set) {
    if (!root.isConnected) continue;
    let covered = false;
    for (let n = root.parentNode; n; n = n.parentNode) {
      if (set.has(n)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(root);
  }
  return out;
}
