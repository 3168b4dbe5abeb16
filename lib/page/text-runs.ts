import { INLINE_TAGS, shouldSkip } from './skip-rules';

// Collects a document's prose as "runs": the text of consecutive text nodes that read
// as one line (split only by inline markup), so "Jet <em>Propulsion</em> Laboratory"
// is matched as one string. Matching then works on plain strings, and the DOM is read
// once, in bulk, which is what content scripts pay most for.

export interface TextRun {
  text: string;
  nodes: Text[];
  /** starts[i] is where nodes[i] begins in text. */
  starts: number[];
}

export interface Position {
  node: Text;
  offset: number;
}

export interface CollectOptions {
  /** The extension's own UI, never scanned. */
  isOwnUi?: (el: Element) => boolean;
}

const ELEMENT = 1;
const TEXT = 3;

export function collectTextRuns(root: Node, options: CollectOptions = {}): TextRun[] {
  const isOwnUi = options.isOwnUi ?? (() => false);
  const runs: TextRun[] = [];
  const roots: Node[] = [root];
  for (let r = 0; r < roots.length; r++) collectFrom(roots[r]!, isOwnUi, runs, roots);
  return runs;
}

function collectFrom(root: Node, isOwnUi: (el: Element) => boolean, runs: TextRun[], roots: Node[]): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let run: TextRun | undefined;
  let runContainer: Node | null = null;
  let lastParent: Node | null = null;
  let container: Node | null = null;
  const flush = () => {
    if (run && /\S/.test(run.text)) runs.push(run);
    run = undefined;
    runContainer = null;
  };

  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === TEXT) {
      const parent = node.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        container = blockOf(parent, root);
      }
      if (container !== runContainer) flush();
      runContainer = container;
      run ??= { text: '', nodes: [], starts: [] };
      run.starts.push(run.text.length);
      run.nodes.push(node as Text);
      run.text += (node as Text).data;
      node = walker.nextNode();
      continue;
    }
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (shouldSkip(el, isOwnUi)) {
        flush();
        node = skipSubtree(walker);
        continue;
      }
      if (!INLINE_TAGS.has(el.localName)) flush();
      const shadow = el.shadowRoot;
      if (shadow) roots.push(shadow);
    }
    node = walker.nextNode();
  }
  flush();
}

/** The nearest ancestor that is not inline markup: text under it reads as one run. */
function blockOf(parent: Node | null, root: Node): Node | null {
  let n = parent;
  while (n && n !== root && n.nodeType === ELEMENT && INLINE_TAGS.has((n as Element).localName)) n = n.parentNode;
  return n;
}

function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** Maps an offset in run.text to the text node and offset it falls in. */
export function locate(run: TextRun, offset: number, preferEnd = false): Position {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: run.nodes[lo]!, offset: offset - run.starts[lo]! };
}
