import { describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { openTooltip, sleep, tooltip, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// Reading on a phone: a tap on a marked term opens its card (and the page still gets
// its tap), a tap elsewhere closes it, taps in links and controls are the page's, and
// selecting a term there (what a long press does) opens its card. The card fits a 320 px
// screen with targets of at least 24 px; the popup and settings work at 360 px, as the
// tab Firefox for Android shows them in. Chromium taps through its touch emulation,
// Firefox through WebDriver BiDi touch pointer actions.

const log = (page: TestPage) => page.evaluate(() => (window as unknown as { fixtureLog: string[] }).fixtureLog.join());
const marked = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) >= 4 || null;

/** The card's box and its buttons' boxes. */
const cardBoxes = (page: TestPage) =>
  page.inCard((root) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    return {
      card: box(root.querySelector('.card')!),
      buttons: [...root.querySelectorAll('button')].map((b) => ({ text: b.getAttribute('data-t'), ...box(b) })),
    };
  });

describe.each<BrowserName>(['chromium', 'firefox'])('touch in %s', (name) => {
  const session = useExtensionBrowser(name);

  async function phonePage(width: number, height: number) {
    const page = await session.browser.newPage();
    await page.phone(width, height);
    await page.goto(session.server.url('a11y/touch.html'));
    expect(await waitFor(() => page.evaluate(marked))).toBe(true);
    return page;
  }

  it('a tap on a term opens its card at once, the page gets the tap too, and a tap elsewhere closes it', async () => {
    const page = await phonePage(390, 844);
    const at = await wordCenter(page, 'PIXL');
    await page.tap(at.x, at.y);
    const tip = await openTooltip(page, 2000);
    expect(tip?.name).toBe('PIXL (Planetary Instrument for X-ray Lithochemistry)');
    expect(await log(page)).toBe('prose');
    // Another term (above the card, which covers the lines below its term): its card replaces the first.
    const other = await wordCenter(page, 'Perseverance');
    await page.tap(other.x, other.y);
    expect(await waitFor(async () => (await tooltip(page))?.name === 'Perseverance rover' || null, 2000)).toBe(true);
    // Empty space beside the term, on its line (the card covers the lines below): the card closes.
    await page.tap(370, other.y);
    expect(await waitFor(async () => !(await tooltip(page))?.open || null, 2000)).toBe(true);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a tap in a link or a control is the page’s; selecting the term there opens its card', async () => {
    const page = await phonePage(390, 844);
    const link = await wordCenter(page, 'Jezero', 1);
    await page.tap(link.x, link.y);
    expect(await waitFor(() => page.evaluate(() => location.hash === '#jezero' || null))).toBe(true);
    const button = await wordCenter(page, 'PIXL', 1);
    await page.tap(button.x, button.y);
    expect(await waitFor(async () => (await log(page)) === 'button' || null)).toBe(true);
    await sleep(400);
    expect((await tooltip(page))?.open ?? false).toBe(false);
    // A long press selects the word under the finger; here the selection is made as the
    // browser makes it, after the reader's touch.
    await page.longPress(link.x, link.y);
    await page.evaluate(() => {
      const a = document.getElementById('link')!.firstChild as Text;
      const i = a.data.indexOf('Jezero');
      getSelection()!.setBaseAndExtent(a, i, a, i + 'Jezero'.length);
    });
    const tip = await openTooltip(page, 2000);
    expect(tip?.name).toBe('Jezero crater');
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('on a 320 px screen the card fits whole, with targets of at least 24 px', async () => {
    const page = await phonePage(320, 640);
    const at = await wordCenter(page, 'Mastcam-Z');
    await page.tap(at.x, at.y);
    expect((await openTooltip(page, 2000))?.name).toBe('Mastcam-Z');
    const boxes = await cardBoxes(page);
    expect(boxes).not.toBeNull();
    const { card, buttons } = boxes!;
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(width).toBe(320);
    expect(card.left).toBeGreaterThanOrEqual(0);
    expect(card.right).toBeLessThanOrEqual(width);
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const b of buttons) {
      expect(b.height, `${b.text} height`).toBeGreaterThanOrEqual(24);
      expect(b.width, `${b.text} width`).toBeGreaterThanOrEqual(24);
    }
    await page.close();
  });

  it.each(['popup.html', 'options.html'])('%s is usable at 360 px wide, as a tab', async (file) => {
    const article = await phonePage(360, 740);
    const page = await session.browser.newPage();
    await page.phone(360, 740);
    await page.goto(`${session.browser.extensionBase}${file}`);
    const layout = await waitFor(() =>
      page.evaluate(() => {
        if (!document.querySelector('main')) return null;
        const doc = document.documentElement;
        // Every control inside the screen's width, none overflowing it.
        const controls = [...document.querySelectorAll('button, input, select, a[href], [role="switch"]')].filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        );
        return {
          width: doc.clientWidth,
          scrollWidth: doc.scrollWidth,
          outside: controls
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.left < 0 || r.right > doc.clientWidth + 0.5;
            })
            .map((el) => el.outerHTML.slice(0, 80)),
          controls: controls.length,
        };
      }),
    );
    // (Firefox keeps room for a scroll bar.)
    expect(layout?.width).toBeGreaterThanOrEqual(340);
    expect(layout?.width).toBeLessThanOrEqual(360);
    expect(layout?.scrollWidth).toBeLessThanOrEqual(layout!.width);
    expect(layout?.outside).toEqual([]);
    expect(layout?.controls).toBeGreaterThan(3);
    await page.close();
    await article.close();
    expect(session.browser.errors).toEqual([]);
  });
});
