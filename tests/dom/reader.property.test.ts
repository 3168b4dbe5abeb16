/** @vitest-environment happy-dom */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { factBase } from '../../lib/facts/bundle';
import type { TermFinder } from '../../lib/match/term-finder';
import { TermMatcher } from '../../lib/match/term-matcher';
import { Reader } from '../../lib/page/reader';
import { fakeHighlightEnv, type FakeEnv } from '../support/fake-highlights';

// Properties of marking on random pages: it never touches the page (same nodes, text
// and attributes before, during and after), marking twice is marking once, and any
// sequence of page edits ends in the marks a fresh reading of the final page gives.

const matcher = new TermMatcher(factBase);
const readers: AbortController[] = [];
afterEach(() => readers.splice(0).forEach((c) => c.abort()));

// Words that are terms (some ambiguous, some split by markup), near misses and filler.
const WORDS = [
  'PIXL',
  'Jezero',
  'Mastcam-Z',
  'Mars',
  'JPL',
  'Perseverance',
  'microphone',
  'Jet',
  'Propulsion',
  'Laboratory',
  'PIXLS',
  'Bruno Mars',
  'rover',
  'the',
  'and',
  'crater',
  'Jazero',
  'ℳars',
  'مريخ',
  '火星',
  '-',
  ', ',
];
const word = fc.constantFrom(...WORDS);
const textData = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const TAGS = ['p', 'div', 'span', 'em', 'b', 'a', 'li', 'code', 'textarea', 'h2'] as const;

interface Tree {
  tag: (typeof TAGS)[number];
  attrs: [string, string][];
  children: (Tree | string)[];
}
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(fc.tuple(fc.constantFrom('class', 'title', 'data-x', 'lang'), fc.string({ maxLength: 6 })), {
      maxLength: 2,
    }),
    children: fc.array(fc.oneof({ weight: 3, arbitrary: textData }, { weight: 1, arbitrary: tie('node') }), {
      maxLength: 4,
    }),
  }),
})).node;

function build(t: Tree): Element {
  const el = document.createElement(t.tag);
  for (const [k, v] of t.attrs) el.setAttribute(k, v);
  for (const c of t.children) el.append(typeof c === 'string' ? document.createTextNode(c) : build(c));
  return el;
}

/** The page: a fixed on-topic lead (so the topic verdict never depends on the edits) and random trees. */
function page(trees: Tree[]) {
  document.body.replaceChildren();
  const lead = document.createElement('p');
  lead.textContent = 'Jezero and PIXL.';
  document.body.append(lead, ...trees.map(build));
}

function snapshot() {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
  const describe = (n: Node) =>
    n.nodeType === 3
      ? `#text:${(n as Text).data}`
      : `${(n as Element).outerHTML.length}:${(n as Element)
          .getAttributeNames()
          .map((a) => `${a}=${(n as Element).getAttribute(a)}`)
          .join(',')}`;
  return { nodes, described: nodes.map(describe), html: document.body.innerHTML };
}

function start(env: FakeEnv = fakeHighlightEnv(), finder: TermFinder = matcher) {
  const controller = new AbortController();
  readers.push(controller);
  const reader = new Reader({
    doc: document,
    win: window as never,
    matcher: finder,
    env,
    signal: controller.signal,
    batchMs: 5,
  });
  return { env, reader, controller };
}

/** Each mark as "node index:start-end:text", in document order of its text node. */
function marksOf(env: FakeEnv, name: string): string[] {
  const texts: Node[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
  return [...(env.registry.get(name) ?? [])]
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return `${texts.indexOf(r.startContainer)}.${r.startOffset}-${texts.indexOf(r.endContainer)}.${r.endOffset}:${range.toString()}`;
    })
    .sort();
}

const settle = () => new Promise((r) => setTimeout(r, 30));

/** The live reader's marks equal a fresh reading of the page as it is now; both stop. */
async function expectFreshReading(live: ReturnType<typeof start>) {
  const fresh = start();
  await fresh.reader.ready;
  expect(marksOf(live.env, live.reader.highlight.name)).toEqual(marksOf(fresh.env, fresh.reader.highlight.name));
  live.controller.abort();
  fresh.controller.abort();
}

describe('marking random pages', () => {
  it('leaves the page exactly as it was, while marked and after unmarking; marking twice equals once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 4 }), async (trees) => {
        page(trees);
        const before = snapshot();
        const first = start();
        await first.reader.ready;
        const during = snapshot();
        expect(during.html).toBe(before.html);
        expect(during.nodes).toEqual(before.nodes);
        expect(during.nodes.every((n, i) => n === before.nodes[i])).toBe(true);
        expect(during.described).toEqual(before.described);
        const once = marksOf(first.env, first.reader.highlight.name);
        // A second reading (another reader, as after a restart) gives the same marks.
        const second = start();
        await second.reader.ready;
        expect(marksOf(second.env, second.reader.highlight.name)).toEqual(once);
        first.controller.abort();
        second.controller.abort();
        // Unmarked: nothing registered, no style left, the page untouched.
        expect(first.env.registry.size + second.env.registry.size).toBe(0);
        expect(document.adoptedStyleSheets).toHaveLength(0);
        const after = snapshot();
        expect(after.html).toBe(before.html);
        expect(after.nodes.every((n, i) => n === before.nodes[i])).toBe(true);
      }),
      // A failure's shrinking can outlast the test's timeout (200 s seen); stopping it
      // at 100 s still reports the smallest case found so far, and a run that cannot
      // finish its cases in time fails rather than passing with fewer.
      { numRuns: 150, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  }, 120_000);

  type Edit =
    | { kind: 'append'; at: number; tree: Tree }
    | { kind: 'remove'; at: number }
    | { kind: 'text'; at: number; data: string }
    | { kind: 'split'; at: number; offset: number }
    | { kind: 'wrap'; at: number };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('append' as const), at: fc.nat(), tree }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('text' as const), at: fc.nat(), data: textData }),
    fc.record({ kind: fc.constant('split' as const), at: fc.nat(), offset: fc.nat() }),
    fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  );

  function apply(e: Edit) {
    const lead = document.body.firstElementChild!;
    const pick = <T extends Node>(list: T[]) => (list.length ? list[e.at % list.length] : undefined);
    const elements = [...document.body.querySelectorAll('*')].filter((el) => el !== lead && !lead.contains(el));
    const texts: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!lead.contains(n)) texts.push(n as Text);
    if (e.kind === 'append') (pick(elements) ?? document.body).append(build(e.tree));
    else if (e.kind === 'remove') pick([...elements, ...texts])?.remove();
    else if (e.kind === 'text') {
      const t = pick(texts);
      if (t) t.data = e.data;
    } else if (e.kind === 'split') {
      const t = pick(texts);
      if (t && t.data.length > 1) t.splitText(1 + (e.offset % (t.data.length - 1)));
    } else {
      const t = pick(texts);
      if (t) {
        const em = document.createElement('em');
        t.replaceWith(em);
        em.append(t);
      }
    }
  }

  it('after any sequence of page edits, the marks equal a fresh reading of the final page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        async (trees, batches) => {
          page(trees);
          const live = start();
          await live.reader.ready;
          // Edits arrive in bursts, some within one observer batch, some apart.
          for (const batch of batches) {
            for (const e of batch) apply(e);
            await settle();
          }
          await settle();
          await expectFreshReading(live);
        },
      ),
      // A failure's shrinking can outlast the test's timeout (200 s seen); stopping it
      // at 100 s still reports the smallest case found so far, and a run that cannot
      // finish its cases in time fails rather than passing with fewer.
      { numRuns: 150, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  }, 120_000);

  // In the extension the terms come from the background: answers arrive later, each
  // after its own delay, while the page goes on changing. However they arrive, the end
  // must be what a fresh reading of the final page gives.
  it('with answers that come late and out of order, edits made meanwhile end as a fresh reading', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tree, { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }),
        async (trees, batches, delays, gaps) => {
          page(trees);
          let asked = 0;
          const late: TermFinder = {
            findEach: (texts) => {
              const answer = matcher.findEach(texts);
              const delay = delays[asked++ % delays.length]!;
              return new Promise((resolve) => setTimeout(() => resolve(answer), delay));
            },
          };
          const live = start(fakeHighlightEnv(), late);
          // Edits start before the first answers are in.
          for (const [i, batch] of batches.entries()) {
            for (const e of batch) apply(e);
            await new Promise((r) => setTimeout(r, gaps[i % gaps.length]));
          }
          await new Promise((r) => setTimeout(r, 150));
          await live.reader.ready;
          await expectFreshReading(live);
        },
      ),
      { numRuns: 100, interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true },
    );
  }, 120_000);
});
