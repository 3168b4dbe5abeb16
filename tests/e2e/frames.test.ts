import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { openTooltip, sleep, tooltip, tooltipButtons, waitFor } from './support/page-helpers';
import { serveFixtures, type FixtureServer } from './support/server';
import { useExtensionBrowser } from './support/session';

// A term in a small frame from another site: its card is drawn whole by the top frame,
// next to the term, and works there (pointer onto it, its buttons, Esc, a tap beside it).
// Neither page gets a message from Mars Lens, and the frame holds no card of its own.

const INNER = 'a11y/small-frame-inner.html';

interface Expected {
  frameSize: [number, number];
  frameTerm: string;
  frameCard: string;
}

/** Where the frame's viewport is in the top viewport, and how big it is. */
function frameBox(page: TestPage) {
  return page.evaluate(() => {
    const f = document.querySelector('iframe')!;
    const r = f.getBoundingClientRect();
    const cs = getComputedStyle(f);
    return {
      x: r.left + f.clientLeft + parseFloat(cs.paddingLeft),
      y: r.top + f.clientTop + parseFloat(cs.paddingTop),
      width: f.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
      height: f.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** The box of a word in the frame, in the top viewport. */
async function frameWord(page: TestPage, text: string) {
  const inFrame = await page.evaluateInFrame(
    INNER,
    (text) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      }
      throw new Error(`no ${text} in the frame`);
    },
    text,
  );
  const box = await frameBox(page);
  const left = box.x + inFrame.left;
  const top = box.y + inFrame.top;
  return {
    left,
    top,
    right: left + inFrame.width,
    bottom: top + inFrame.height,
    x: left + inFrame.width / 2,
    y: top + inFrame.height / 2,
  };
}

const frameMarks = (page: TestPage) =>
  page.evaluateInFrame(INNER, () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
/** Elements the frame's <html> holds beyond its head and body (a card's host would be one). */
const frameExtras = (page: TestPage) => page.evaluateInFrame(INNER, () => document.documentElement.children.length - 2);
const logs = async (page: TestPage) => ({
  top: await page.evaluate(() => (window as unknown as { fixtureLog: string[] }).fixtureLog),
  frame: await page.evaluateInFrame(INNER, () => (window as unknown as { fixtureLog: string[] }).fixtureLog),
});

describe.each<BrowserName>(['chromium', 'firefox'])('cards for terms in frames, in %s', (name) => {
  const session = useExtensionBrowser(name);
  // The frame's site: the same fixtures on another port, so another origin.
  let other: FixtureServer;
  beforeAll(async () => {
    other = await serveFixtures('tests/fixtures');
  });
  afterAll(async () => {
    await other?.close();
  });

  async function open() {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url('a11y/small-frame.html')}?frame=${encodeURIComponent(other.url(INNER))}`);
    const expected = JSON.parse(
      await page.evaluate(() => document.getElementById('expected')!.textContent!),
    ) as Expected;
    expect(await waitFor(async () => (await frameMarks(page).catch(() => 0)) >= 4 || null, 5000)).toBe(true);
    return { page, expected };
  }

  it('a hover card for a term in a small cross-origin frame is drawn whole by the top frame, next to its term', async () => {
    const { page, expected } = await open();
    const box = await frameBox(page);
    expect([box.width, box.height]).toEqual(expected.frameSize);
    const term = await frameWord(page, expected.frameTerm);
    await page.mouseMove(term.x, term.y);
    const tip = await openTooltip(page, 3000);
    // Found in the top document: the top frame drew it.
    expect(tip?.name).toBe(expected.frameCard);
    const r = tip!.rect;
    // Whole, inside the top viewport, and bigger than the room the frame has below the term.
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(box.viewport.width);
    expect(r.bottom).toBeLessThanOrEqual(box.viewport.height);
    expect(r.bottom - r.top).toBeGreaterThan(box.y + box.height - term.bottom);
    // Next to its term: just above or below it, overlapping it sideways.
    const gap = Math.min(Math.abs(r.top - term.bottom), Math.abs(term.top - r.bottom));
    expect(gap).toBeLessThan(12);
    expect(r.left).toBeLessThan(term.right);
    expect(r.right).toBeGreaterThan(term.left);
    // Every button of it is on screen.
    for (const b of await tooltipButtons(page)) {
      expect(b.y).toBeGreaterThan(0);
      expect(b.y).toBeLessThan(box.viewport.height);
    }
    // The frame drew nothing of its own, and nobody was messaged.
    expect(await frameExtras(page)).toBe(0);
    expect(await logs(page)).toEqual({ top: [], frame: [] });
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('the pointer can move from the term onto the card and use it; leaving both closes it, and so does Esc', async () => {
    const { page, expected } = await open();
    const term = await frameWord(page, expected.frameTerm);
    await page.mouseMove(term.x, term.y);
    const tip = await openTooltip(page, 3000);
    expect(tip?.name).toBe(expected.frameCard);
    // Onto the card (out of the frame) in small steps, then rest longer than the grace period.
    const r = tip!.rect;
    const target = { x: Math.min(r.right - 20, term.x + 30), y: r.top < term.top ? r.bottom - 12 : r.top + 12 };
    for (let i = 1; i <= 5; i++)
      await page.mouseMove(term.x + ((target.x - term.x) * i) / 5, term.y + ((target.y - term.y) * i) / 5);
    await sleep(700);
    expect((await tooltip(page))?.open).toBe(true);
    const show = (await tooltipButtons(page)).find((b) => b.text === 'Show quotes')!;
    await page.mouseMove(show.x, show.y);
    await page.click(show.x, show.y);
    expect(await waitFor(async () => (await tooltip(page))?.actions.includes('Hide quotes') || null)).toBe(true);
    expect((await tooltip(page))?.quotes.every((q) => !q.hidden)).toBe(true);
    // Away from the card and the frame: it closes.
    await page.mouseMove(5, 5);
    expect(await waitFor(async () => !(await tooltip(page))?.open || null, 2000)).toBe(true);
    // Back on the term: it opens again, and Esc closes it.
    await page.mouseMove(term.x, term.y);
    expect((await openTooltip(page, 3000))?.name).toBe(expected.frameCard);
    await page.press('Escape');
    expect(await waitFor(async () => !(await tooltip(page))?.open || null, 2000)).toBe(true);
    expect(await logs(page)).toEqual({ top: [], frame: [] });
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('"Wrong meaning here" on the card drawn above mutes the term in the frame', async () => {
    const { page, expected } = await open();
    const before = await frameMarks(page);
    const term = await frameWord(page, expected.frameTerm);
    await page.mouseMove(term.x, term.y);
    expect((await openTooltip(page, 3000))?.name).toBe(expected.frameCard);
    const wrong = (await tooltipButtons(page)).find((b) => b.text === 'Wrong meaning here')!;
    expect(wrong.y).toBeLessThan((await frameBox(page)).viewport.height);
    // Straight onto the button (across the frame's edge), as a reader's quick move.
    await page.mouseMove(wrong.x, wrong.y);
    await page.click(wrong.x, wrong.y);
    expect(await waitFor(async () => (await frameMarks(page)) === before - 1 || null, 4000)).toBe(true);
    expect(await waitFor(async () => !(await tooltip(page))?.open || null, 2000)).toBe(true);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
