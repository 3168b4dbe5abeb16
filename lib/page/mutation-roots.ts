import { INLINE_TAGS } from './skip-rules';
import { blockOf } from './text-runs';

// Turns a batch of MutationRecords into the smallest set of subtrees to read again.
// Appending a block (a live-blog post) rereads just that block, never its growing
// parent, so a live blog costs the same per post at post 10 as at post 10,000. Text
// edits and inline insertions reread the block they sit in, since a run may span it.

export interface DirtySet {
  /** Subtrees to read again. */
  roots: Set<Node>;
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
      const block = blockOf(target.parentNode);
      if (block) into.roots.add(block);
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
    if (reblock) {
      const block = blockOf(target);
      if (block) into.roots.add(block);
    }
  }
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
