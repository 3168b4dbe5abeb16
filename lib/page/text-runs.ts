import { INLINE_TAGS, isEditable, shouldSkip, SKIP_TAGS } from './skip-rules';

// Collects a document's prose as "runs": the text of consecutive text nodes that read
// as one line (split only by inline markup), so "Jet <em>Propulsion</em> Laboratory"
// is matched as one string. Matching then works on plain strings, and the DOM is read
// once, in bulk, which is what content scripts pay most for.
//
// RunScanner is resumable: step() walks until its budget says stop, so a 5 MB page is
// read in slices between which the page keeps running. It can start at any block
// element (the one in view) and wrap around to the rest.

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

export interface ScanOptions {
  /** The extension's own UI, never scanned (localName is passed when already read). */
  isOwnUi?: (el: Element, localName?: string) => boolean;
  /** Called for each open shadow root met on the way (the reader observes them). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Called for each custom element met that is not defined yet and has no shadow root:
   * once the page defines it, its shadow root may hold text (the reader looks again).
   */
  onUndefined?: (el: Element) => void;
  /** A block element inside root to read first; the rest follows. */
  startAt?: Element;
  /** Read only from this node of root up to (not including) stopAt, or to root's end. */
  region?: { from: Node; stopAt?: Node };
  /**
   * Start no run at white space. Only for a first read: a re-read must see a node that
   * became blank, so the marks it held go.
   */
  skipBlank?: boolean;
  /**
   * Whether inline markup is laid out as a box of its own (a flex or grid item, an
   * inline-block chip): text on either side of it is then separate words on screen, with
   * no white space between them in the DOM. Asked only where text meets text with no
   * white space across a tag, so most pages never ask. Default: the element's computed
   * display is not inline.
   */
  isBox?: (el: Element) => boolean;
}

/** True when the element's computed display makes a box of its own. */
export function laidOutAsBox(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  const display = style.display;
  if (display === 'contents' || display === '' || display === 'none') return false;
  if (display !== 'inline') return true;
  // An inline "pill" with room on its sides (padding, margin, a border) is drawn apart too.
  let room = 0;
  for (const side of [
    style.paddingLeft,
    style.paddingRight,
    style.marginLeft,
    style.marginRight,
    style.borderLeftWidth,
    style.borderRightWidth,
  ])
    room += Math.abs(parseFloat(side) || 0);
  return room >= 2;
}

const ELEMENT = 1;
const TEXT = 3;

// Elements that can host a shadow root (besides custom elements, whose names have a
// hyphen): only these are asked for one, since every DOM read costs a content script.
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);
/** How many nodes to walk between looks at the clock. */
const NODES_PER_CHECK = 128;

interface Pass {
  root: Node;
  /** Begin here instead of at root. */
  from?: Node;
  /** End here instead of at the end of root. */
  stopAt?: Node;
  /** A region of a run or two: editable regions are asked per element, not queried over root. */
  small?: boolean;
}

export class RunScanner {
  private readonly isOwnUi: (el: Element, localName?: string) => boolean;
  /** Editable regions of the current pass, found with one query instead of an attribute read per element. */
  private editable = new Set<Element>();
  /** Ask each element whether it is editable (a small pass) instead of the set. */
  private perElement = false;
  private readonly passes: Pass[];
  private passIndex = 0;
  private walker: TreeWalker | undefined;
  private node: Node | null = null;
  private run: TextRun | undefined;
  private runContainer: Node | null = null;
  private lastParent: Node | null = null;
  private container: Node | null = null;
  private sink: (run: TextRun) => void = () => undefined;
  /** The open run's node texts and their total length, joined when it closes. */
  private readonly parts: string[] = [];
  private length = 0;
  private readonly isBox: (el: Element) => boolean;
  private readonly boxes = new Map<Element, boolean>();
  done = false;

  constructor(
    root: Node,
    private readonly options: ScanOptions = {},
  ) {
    this.isOwnUi = options.isOwnUi ?? (() => false);
    this.isBox = options.isBox ?? laidOutAsBox;
    const start = options.startAt;
    const region = options.region;
    this.passes = region
      ? [{ root, from: region.from === root ? undefined : region.from, stopAt: region.stopAt, small: true }]
      : start && start !== root && root.contains(start)
        ? [
            { root, from: start },
            { root, stopAt: start },
          ]
        : [{ root }];
  }

  /**
   * Walks until shouldStop() (asked every so many nodes) or the end, handing each
   * complete run to onRun (so work done on a run counts against the same budget).
   * Returns the runs when no onRun is given.
   */
  step(shouldStop: () => boolean = () => false, onRun?: (run: TextRun) => void): TextRun[] {
    const out: TextRun[] = [];
    this.sink = onRun ?? ((run) => out.push(run));
    let count = 0;
    const paused = () => ++count % NODES_PER_CHECK === 0 && shouldStop();
    while (this.passIndex < this.passes.length) {
      const pass = this.passes[this.passIndex]!;
      // The page may have removed the node we paused at; a walker there would never
      // find its way back, so read the pass again (rereading replaces, never doubles).
      if (this.walker && this.node && !pass.root.contains(this.node)) this.walker = undefined;
      if (!this.walker) this.open(pass);
      if (!this.walk(paused)) return out;
      this.walker = undefined;
      this.passIndex++;
    }
    this.done = true;
    return out;
  }

  private open(pass: Pass) {
    const doc = pass.root.ownerDocument ?? (pass.root as Document);
    this.walker = doc.createTreeWalker(pass.root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
    if (pass.from) this.walker.currentNode = pass.from;
    const query = (pass.root as ParentNode).querySelectorAll;
    this.perElement = !!pass.small;
    this.editable = new Set(
      typeof query === 'function' && !pass.small
        ? [...(pass.root as ParentNode).querySelectorAll('[contenteditable]')].filter(isEditable)
        : [],
    );
    this.node = pass.from ?? this.walker.nextNode();
    this.lastParent = null;
    // The walker never visits its root: a shadow host read as a root of its own (one the
    // page appended directly) is asked for its shadow root here.
    if (!pass.from && pass.root.nodeType === ELEMENT)
      this.enter(pass.root as Element, (pass.root as Element).localName);
  }

  /** Queues el's open shadow root for a pass of its own. */
  private enter(el: Element, name: string) {
    const custom = name.includes('-');
    const shadow = SHADOW_HOSTS.has(name) || custom ? el.shadowRoot : null;
    if (shadow) {
      this.passes.push({ root: shadow });
      this.options.onShadowRoot?.(shadow);
    } else if (custom && this.options.onUndefined && !el.matches(':defined')) this.options.onUndefined(el);
  }

  /** Returns false if paused before the end of the pass. */
  private walk(paused: () => boolean): boolean {
    const walker = this.walker!;
    const stopAt = this.passes[this.passIndex]!.stopAt;
    let node = this.node;
    while (node && node !== stopAt) {
      if (paused()) {
        this.node = node;
        return false;
      }
      if (node.nodeType === TEXT) {
        const parent = node.parentNode;
        if (parent !== this.lastParent) {
          this.lastParent = parent;
          this.container = blockOf(parent, walker.root);
        }
        const data = (node as Text).data;
        if (this.container !== this.runContainer) this.flush();
        else if (this.run && this.splitsWords(node as Text, data)) this.flush();
        // White space between blocks (half the text nodes of a typical page) need not
        // start a run: nothing could match in it, and a run costs a match and an index
        // entry.
        if (!this.run && this.options.skipBlank && isBlank(data)) {
          node = walker.nextNode();
          continue;
        }
        this.runContainer = this.container;
        const run = (this.run ??= { text: '', nodes: [], starts: [] });
        run.starts.push(this.length);
        run.nodes.push(node as Text);
        this.parts.push(data);
        this.length += data.length;
        node = walker.nextNode();
        continue;
      }
      if (node.nodeType === ELEMENT) {
        const el = node as Element;
        const name = el.localName;
        if (
          SKIP_TAGS.has(name) ||
          (this.perElement ? isEditable(el) : this.editable.size > 0 && this.editable.has(el)) ||
          this.isOwnUi(el, name)
        ) {
          this.flush();
          node = skipSubtree(walker);
          continue;
        }
        if (!INLINE_TAGS.has(name)) this.flush();
        this.enter(el, name);
      }
      node = walker.nextNode();
    }
    this.flush();
    return true;
  }

  /**
   * True if text meets the open run's last text across a tag with no white space, and
   * markup between them is laid out as a box ("<a>NASA</a><a>PIXL</a>" in a flex row).
   */
  private splitsWords(text: Text, data: string): boolean {
    const prev = this.run!.nodes.at(-1)!;
    if (prev.parentNode === text.parentNode || data.length === 0) return false;
    const before = prev.data;
    // Only letters and digits meeting make one word of two ("<a>link</a>," needs no question).
    if (!WORD_CHAR.test(before.slice(-1)) || !WORD_CHAR.test(data.slice(0, 1))) return false;
    // The markup between them: from each side up to the one that holds both (a page
    // nesting inline markup thousands deep gets no answer past MAX_BOX_DEPTH).
    const common = commonAncestor(prev, text);
    if (!common) return false;
    for (const side of [prev, text])
      for (let n = side.parentNode; n && n !== common; n = n.parentNode)
        if (n.nodeType === ELEMENT && this.boxed(n as Element)) return true;
    return false;
  }

  /** isBox, asked once per element per scan. */
  private boxed(el: Element): boolean {
    let box = this.boxes.get(el);
    if (box === undefined) this.boxes.set(el, (box = this.isBox(el)));
    return box;
  }

  private flush() {
    const run = this.run;
    if (run) {
      // One flat string per run, not a chain of concatenations the matcher would have
      // to flatten (a copy) anyway.
      run.text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      this.parts.length = 0;
      this.length = 0;
      this.sink(run);
    }
    this.run = undefined;
    this.runContainer = null;
  }
}

/** A letter, digit or combining mark: where two of them meet across a tag, a word may run on. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** How far up from a word's text a shared ancestor is looked for. */
const MAX_BOX_DEPTH = 32;

function commonAncestor(a: Node, b: Node): Node | null {
  const up = new Set<Node>();
  let depth = 0;
  for (let n: Node | null = a.parentNode; n && depth < MAX_BOX_DEPTH; n = n.parentNode, depth++) up.add(n);
  depth = 0;
  for (let n: Node | null = b.parentNode; n && depth < MAX_BOX_DEPTH; n = n.parentNode, depth++)
    if (up.has(n)) return n;
  return null;
}

/** True for '' and text of spaces, tabs and line breaks only. */
export function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

/** Every run under root at once, whitespace-only ones left out. */
export function collectTextRuns(root: Node, options: ScanOptions = {}): TextRun[] {
  return new RunScanner(root, options).step().filter((run) => /\S/.test(run.text));
}

/** The nearest ancestor that is not inline markup: text under it reads as one run. */
export function blockOf(parent: Node | null, root: Node | null = null): Node | null {
  let n = parent;
  while (n && n !== root && n.nodeType === ELEMENT && INLINE_TAGS.has((n as Element).localName)) n = n.parentNode;
  return n;
}

/** True if el or an ancestor (up to a shadow or document root) is never scanned. */
export function insideSkipped(el: Element | null, isOwnUi: (el: Element) => boolean = () => false): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) if (shouldSkip(n, isOwnUi)) return true;
  return false;
}

/** Moves a walker past the current node's subtree; the next node, or null at the end. */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** Maps an offset in run.text to the text node and offset it falls in. */
export function locate(run: TextRun, offset: number, preferEnd = false): Position {
  const i = locateIndex(run, offset, preferEnd);
  return { node: run.nodes[i]!, offset: offset - run.starts[i]! };
}

/** The index in run.nodes of the node an offset of run.text falls in. */
export function locateIndex(run: TextRun, offset: number, preferEnd = false): number {
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
