import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { cardHostAt, openTooltip, sleep, tooltip, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// Every page in tests/fixtures/reading carries its expectations in
// <script type="application/json" id="expected">, so adding a nasty page is adding a
// file. Each is opened twice: in a plain browser and in one with the extension. With
// the extension, the marks must be exactly the expected ones, hovering as a reader
// would must show the right tooltip (or none), and the page — its DOM, form values,
// and what its own scripts observed — must read exactly as in the plain run.

interface Expected {
  /** Marked texts in the top frame, in any order. */
  marked?: string[];
  /** Or, for big pages: how often each text is marked (and nothing else). */
  counts?: Record<string, number>;
  /** Marked texts of each same-origin iframe, in order. */
  frames?: string[][];
  /** Wait for the page's own script to set window.fixtureDone. */
  waitFor?: 'fixtureDone';
  /** Then, in turn: click what a selector names, as the reader would, and the top frame's marks must become these. */
  then?: { click: string; marked: string[] }[];
  /** Words to hover, and the tooltip title expected (null: no tooltip). */
  hover?: { text: string; nth?: number; tooltip: string | null; shadow?: string }[];
}

const FIXTURES = readdirSync('tests/fixtures/reading').filter((f) => f.endsWith('.html'));

/** Marked texts per frame, the top frame first, read from each frame's highlight registry as a page script could. */
function readMarks(): string[][] {
  const frames = [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow!)] as (Window &
    typeof globalThis)[];
  return frames.map((w) => {
    const texts: string[] = [];
    w.CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        const range = w.document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          texts[texts.length] = range.toString().replace(/\s+/g, ' ');
        } catch {
          // Text changed under a mark and it has not been re-read yet: fine for a
          // moment, a failure if it lasts (it would show in the final comparison).
          texts[texts.length] = '<stale mark>';
        }
      }),
    );
    return texts;
  });
}

/**
 * Highlights of each frame that are drawn with no look: the look reaches a frame from
 * the background once it has marks (lib/browser/mark-css.ts), in its shadow roots too.
 */
function unstyled(): string[] {
  const frames = [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow!)] as (Window &
    typeof globalThis)[];
  const missing: string[] = [];
  frames.forEach((w, i) => {
    // (A frame that broke getComputedStyle for itself cannot be asked.)
    if (String(w.getComputedStyle).indexOf('[native code]') < 0) return;
    w.CSS.highlights.forEach((h, name) => {
      let node: Node | undefined;
      h.forEach((r) => (node ??= r.startContainer));
      const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
      if (!el) return;
      const style = w.getComputedStyle(el, `::highlight(${name})`);
      if (style.textDecorationLine === 'none' && style.backgroundColor === 'rgba(0, 0, 0, 0)')
        missing[missing.length] = `frame ${i}: ${name}`;
    });
  });
  return missing;
}

/** Everything a page (and its reader) can observe of itself. */
function pageState() {
  const docs = [document, ...[...document.querySelectorAll('iframe')].map((f) => f.contentDocument!)];
  return docs.map((d) => ({
    html: d.documentElement.outerHTML,
    text: d.body?.innerText ?? '',
    values: [...d.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value),
    log: JSON.stringify((d.defaultView as unknown as { fixtureLog?: unknown }).fixtureLog ?? null),
  }));
}

/**
 * The distinct error messages, without the page URL they were reported with (Firefox
 * may report a new tab's first errors as about:blank's, before it names the page).
 */
const messages = (errors: string[]) => [...new Set(errors.map((e) => e.slice(e.indexOf(': ') + 2)))].sort();

/** How often each text was marked, keys sorted. */
const tally = (texts: string[]) =>
  Object.fromEntries(
    Object.entries(texts.reduce<Record<string, number>>((acc, t) => ((acc[t] = (acc[t] ?? 0) + 1), acc), {})).sort(),
  );
const sortedCounts = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort());
const sorted = (xs: string[]) => [...xs].sort();

async function load(page: TestPage, url: string): Promise<Expected> {
  await page.goto(url);
  const expected = await page.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!) as Expected);
  if (expected.waitFor) {
    const done = await waitFor(
      () => page.evaluate(() => !!(window as unknown as { fixtureDone?: boolean }).fixtureDone),
      15_000,
    );
    if (!done) throw new Error(`${url}: the page never set fixtureDone`);
  }
  return expected;
}

describe.each<BrowserName>(['chromium', 'firefox'])('reading in %s', (name) => {
  const session = useExtensionBrowser(name, { plain: true });

  it.each(FIXTURES)('%s: marks what it should, explains on hover, and leaves the page as it was', async (fixture) => {
    const url = session.server.url(`reading/${fixture}`);
    const plainFrom = session.plain.errors.length;
    const plainPage = await session.plain.newPage();
    await load(plainPage, url);
    const plainState = await plainPage.evaluate(pageState);
    await sleep(300);
    await plainPage.close();
    // A page may throw in its own scripts: those errors are the page's, the same with
    // or without Mars Lens. Any other error is ours.
    const pageErrors = messages(session.plain.errors.slice(plainFrom));

    const from = session.browser.errors.length;
    const page = await session.browser.newPage();
    const expected = await load(page, url);
    const want = [expected.marked ?? [], ...(expected.frames ?? [])];
    // What the page shows, in a form that compares exactly: counts for big pages,
    // sorted texts per frame otherwise.
    const view = (marked: string[][]) => (expected.counts ? [tally(marked[0]!)] : marked.map(sorted));
    const goal = expected.counts ? [sortedCounts(expected.counts)] : want.map(sorted);
    // A page expecting no marks must prove the script ran some other way (a marked
    // frame), or an extension that never ran would pass.
    expect(
      expected.counts || want.some((frame) => frame.length > 0) || expected.then?.some((s) => s.marked.length > 0),
    ).toBeTruthy();
    const settled = async () => JSON.stringify(view(await page.evaluate(readMarks))) === JSON.stringify(goal);
    await waitFor(settled, 10_000, 100);
    await sleep(300); // late or extra marks would show by now
    expect(view(await page.evaluate(readMarks))).toEqual(goal);
    expect(await waitFor(async () => (await page.evaluate(unstyled)).length === 0, 3000)).toBe(true);
    expect(await page.evaluate(pageState)).toEqual(plainState);

    for (const step of expected.then ?? []) {
      const at = await page.evaluate((selector) => {
        const el = document.querySelector(selector);
        if (!el) throw new Error(`no ${selector}`);
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
      }, step.click);
      await page.click(at.x, at.y);
      const goal = sorted(step.marked);
      await waitFor(
        async () => JSON.stringify(sorted((await page.evaluate(readMarks))[0]!)) === JSON.stringify(goal),
        5000,
      );
      expect(sorted((await page.evaluate(readMarks))[0]!), `marks after clicking ${step.click}`).toEqual(goal);
    }

    // Nothing opened a tooltip before the reader's pointer moved (a page's fake events
    // must not).
    expect((await tooltip(page))?.open ?? false).toBe(false);
    for (const hover of expected.hover ?? []) {
      await page.mouseMove(1, 1);
      await waitFor(async () => !(await tooltip(page))?.open, 2000);
      const at = hover.shadow
        ? await page.evaluate(
            ({ host, text }) => {
              const root = document.querySelector(host)!.shadowRoot!;
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const i = (n as Text).data.indexOf(text);
                if (i < 0) continue;
                const range = document.createRange();
                range.setStart(n, i);
                range.setEnd(n, i + text.length);
                const r = range.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              throw new Error(`${text} not in ${host}`);
            },
            { host: hover.shadow, text: hover.text },
          )
        : await wordCenter(page, hover.text, hover.nth);
      await page.mouseMove(at.x, at.y);
      if (hover.tooltip === null) {
        await sleep(500);
        expect((await tooltip(page))?.open ?? false, `no tooltip over "${hover.text}"`).toBe(false);
        continue;
      }
      const tip = await openTooltip(page);
      expect(tip?.name, `tooltip over "${hover.text}"`).toBe(hover.tooltip);
      // Drawn on top of everything the page has at that spot.
      const centre = { x: (tip!.rect.left + tip!.rect.right) / 2, y: (tip!.rect.top + tip!.rect.bottom) / 2 };
      expect(await cardHostAt(page, centre.x, centre.y)).toBe(true);
      // And stays open while the pointer rests, whatever the page does meanwhile.
      await sleep(400);
      expect((await tooltip(page))?.name, `tooltip over "${hover.text}" still open`).toBe(hover.tooltip);
      expect((await tooltip(page))?.open).toBe(true);
    }
    await page.close();
    expect(messages(session.browser.errors.slice(from))).toEqual(pageErrors);
  });
});
