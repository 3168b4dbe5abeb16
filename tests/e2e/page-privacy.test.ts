import { describe, expect, it } from 'vitest';
import { FIREFOX_ID, type BrowserName, type TestBrowser, type TestPage } from './support/browsers';
import { openPopupFor, switchAt } from './support/extension-page';
import {
  cardHostAt,
  openTooltip,
  sleep,
  tooltip,
  tooltipButtons,
  waitFor,
  wordCenter,
  type TooltipSnapshot,
} from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// What a page can learn of Mars Lens, and what it can do to it. The pages in
// tests/fixtures/privacy load snoop.js first: it listens to everything a page can
// (messages, events, mutations, highlights and their computed style, stylesheets,
// globals, focus, selection, resources, fonts, the timing of its own tasks) and counts
// the calls to prototypes it patched. Its report must be exactly the report of a browser
// without Mars Lens: on a page with nothing to mark, on a switched-off site, and on a
// page with marks except for the highlights themselves, which the README lists. Then it
// attacks an open card every way it can, and the card must still show only Mars Lens's
// own content.

interface Expected {
  marked: string[];
  highlights: string[];
  card?: { hover: string; name: string; then: string };
}

type Report = Record<string, unknown> & { highlight: { pages: string[]; foreign: string[]; styles: string[] } };

/** Marked texts in the page and its open shadow roots, read from the registry as a page could (not the page's own). */
const markedTexts = () => {
  const texts: string[] = [];
  const snoop = (window as unknown as { snoop: { isOwn(h: Highlight): boolean } }).snoop;
  CSS.highlights.forEach(
    (h) =>
      snoop.isOwn(h) ||
      h.forEach((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        texts.push(range.toString());
      }),
  );
  return texts.sort();
};

/** How long each page is watched before its report is read (the same with and without Mars Lens). */
const WATCH_MS = 2000;

/** Whether the page shows exactly the marks it expects. */
const hasMarks = async (page: TestPage, want: string[]) =>
  JSON.stringify(await page.evaluate(markedTexts)) === JSON.stringify([...want].sort());

/** Opens a page (with marks: waits for the ones it expects), watches it, and reads its report. */
async function open(browser: TestBrowser, url: string, withMarks = false) {
  const page = await browser.newPage();
  await page.goto(url);
  const expected = await page.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!) as Expected);
  if (withMarks) expect(await waitFor(() => hasMarks(page, expected.marked), 10_000)).toBe(true);
  await sleep(WATCH_MS);
  const report = await page.evaluate(() => (window as unknown as { snoop: { report(): Report } }).snoop.report());
  return { page, expected, report };
}

/** The card as the reader sees it, without where it is. */
const content = (tip: TooltipSnapshot | null) => tip && { ...tip, rect: undefined };

describe.each<BrowserName>(['chromium', 'firefox'])('what a page sees of Mars Lens in %s', (name) => {
  const session = useExtensionBrowser(name, { plain: true });
  // The page is told the extension's id (as a page that knows what it looks for would
  // be), so it can listen for and forge the events that would carry it.
  const runtimeId = () => (name === 'chromium' ? new URL(session.browser.extensionBase).host : FIREFOX_ID);
  const url = (file: string) => `${session.server.url(`privacy/${file}`)}#id=${encodeURIComponent(runtimeId())}`;

  /** The page's report in a browser without Mars Lens. */
  async function plainReport(file: string): Promise<Report> {
    const { page, report } = await open(session.plain, url(file));
    await page.close();
    return report;
  }

  it('a page with nothing to mark sees exactly what it sees without Mars Lens', async () => {
    const plain = await plainReport('no-terms.html');
    // Mars Lens is at work in this browser: a page about Mars gets its marks.
    const control = await open(session.browser, url('article.html'), true);
    await control.page.close();
    const { page, expected, report } = await open(session.browser, url('no-terms.html'));
    expect(await page.evaluate(markedTexts)).toEqual(expected.marked);
    expect(report.highlight.foreign).toEqual(expected.highlights);
    // The page's own highlights, named like ours, are left alone.
    expect(report.highlight.pages).toEqual(['ml7q-u', 'ml7q-b', 'ml7q-h', 'ml7q-f']);
    expect(report).toEqual(plain);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a page about Mars on a switched-off site sees exactly what it sees without Mars Lens', async () => {
    const plain = await plainReport('article.html');
    const first = await open(session.browser, url('article.html'), true);
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    // The popup shows the switch once the page has told it its address.
    const on = await waitFor(async () => {
      const s = await switchAt(popup, 'this site').catch(() => null);
      return s?.label?.includes('127.0.0.1') ? s : null;
    });
    expect(on).toMatchObject({ checked: true });
    await popup.click(on!.x, on!.y);
    expect(await waitFor(async () => (await first.page.evaluate(markedTexts)).length === 0)).toBe(true);
    // The page that had marks sees their look go with them.
    const styles = () =>
      first.page.evaluate(() => (window as unknown as { snoop: { report(): Report } }).snoop.report().highlight.styles);
    expect(await waitFor(async () => JSON.stringify(await styles()) === JSON.stringify(plain.highlight.styles))).toBe(
      true,
    );
    try {
      const { page, report } = await open(session.browser, url('article.html'));
      expect(await page.evaluate(markedTexts)).toEqual([]);
      expect(report).toEqual(plain);
      await page.close();
    } finally {
      const off = await switchAt(popup, 'this site');
      await popup.click(off.x, off.y);
    }
    // Switched on again, the same page is marked: only the switch kept it clean.
    expect(await waitFor(() => hasMarks(first.page, first.expected.marked), 5000)).toBe(true);
    await popup.close();
    await first.page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a page with marks sees nothing of Mars Lens but the highlights, which the README lists', async () => {
    const plain = await plainReport('article.html');
    const { page, expected, report } = await open(session.browser, url('article.html'), true);
    const { highlight, ...rest } = report;
    const { highlight: plainHighlight, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    // The highlight registry holds the look's name, and a page may ask for that name's
    // style; the focus mark's style is there too (its name is registered only while a
    // term has keyboard focus). Where Mars Lens marks, all four names are its own: the
    // page's highlights under them are gone.
    expect(highlight.foreign).toEqual(expected.highlights);
    expect(highlight.pages).toEqual([]);
    expect(plainHighlight.foreign).toEqual([]);
    expect(highlight.styles[0]).toMatch(/^ml7q-u: underline dotted/);
    expect(plainHighlight.styles[0]).not.toMatch(/dotted/);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a card the page attacks shows only its own content, and Mars Lens carries on', async () => {
    const { page, expected } = await open(session.browser, url('article.html'), true);
    const card = expected.card!;
    const at = await wordCenter(page, card.hover);
    await page.mouseMove(at.x, at.y);
    const before = await openTooltip(page);
    expect(before?.name).toBe(card.name);
    expect(before?.textNodes).toBe(0);

    // The reader's pointer goes over the card, and presses on it: the page's listeners
    // see its host, never a node inside.
    const buttons = await tooltipButtons(page);
    await page.mouseMove(buttons[0]!.x, buttons[0]!.y);
    await page.mouseMove(before!.rect.left + 12, before!.rect.top + 12);
    await page.click(before!.rect.left + 12, before!.rect.top + 12);
    expect((await tooltip(page))?.open).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { snoop: { leaks(): string[] } }).snoop.leaks())).toEqual(
      [],
    );

    const got = await page.evaluate(() =>
      (window as unknown as { snoop: { attack(): Promise<Record<string, unknown>> } }).snoop.attack(),
    );
    // The page sees a plain <div> while the card is open, and nothing inside it.
    expect(got).toEqual({
      foreign: ['div'],
      shadowRoot: 'null',
      attachShadow: 'NotSupportedError',
      attachInternals: 'NotSupportedError',
      serialized: '',
      find: [false, false, false, false, false],
      hostRect: [0, 0],
      caret: '#document',
      // No font of the page's was asked for by the card.
      fonts: expect.arrayContaining([expect.stringMatching(/:unloaded$/)]),
      internals: [],
    });
    expect((got.fonts as string[]).every((f) => f.endsWith(':unloaded'))).toBe(true);
    // The card is back in place, open, on top, and exactly as it was.
    await sleep(300);
    const after = await tooltip(page);
    expect(after?.open).toBe(true);
    expect(content(after)).toEqual(content(before));
    expect(await cardHostAt(page, (after!.rect.left + after!.rect.right) / 2, after!.rect.top + 10)).toBe(true);
    expect(await page.cardHosts()).toBe(1);

    // The pointer leaves: the card goes, and its host with it.
    await page.mouseMove(1, 1);
    expect(await waitFor(async () => (await page.cardHosts()) === 0, 3000)).toBe(true);
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.localName))).toEqual([
      'head',
      'body',
    ]);
    // Forged events and messages stopped nothing: the marks are all there, and the next
    // term explains itself.
    expect(await hasMarks(page, expected.marked)).toBe(true);
    const next = await wordCenter(page, card.then);
    await page.mouseMove(next.x, next.y);
    expect((await openTooltip(page))?.name).toBe(card.then);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
