import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import {
  cardHostAt,
  focusInCard,
  openTooltip,
  sleep,
  tooltip,
  tooltipButtons,
  waitFor,
  wordCenter,
} from './support/page-helpers';
import { newestOtherTabId, ownTabUrls, sendToTab } from './support/extension-page';
import { useExtensionBrowser } from './support/session';

// The reader's experience of the tooltip: rest the pointer on a marked word and its
// tooltip appears, above everything, with the facts and their sources; move onto it
// and it stays; move away or press Esc and it goes; unmarked words show nothing.

const marksReady = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) >= 10;

describe.each<BrowserName>(['chromium', 'firefox'])('tooltip in %s', (name) => {
  const session = useExtensionBrowser(name);

  async function openArticle() {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('reading/news-article.html'));
    expect(await waitFor(() => page.evaluate(marksReady))).toBe(true);
    return page;
  }

  it('hovering a marked word shows its tooltip with facts and sources, on top of the page', async () => {
    const page = await openArticle();
    const at = await wordCenter(page, 'PIXL');
    await page.mouseMove(at.x, at.y);
    const tip = await openTooltip(page);
    expect(tip).toMatchObject({
      open: true,
      role: 'tooltip',
      name: 'PIXL (Planetary Instrument for X-ray Lithochemistry)',
      category: 'Instrument',
    });
    if (!tip) return;
    expect(tip.summary).toMatch(/X-ray/);
    expect(tip.facts.length).toBeGreaterThanOrEqual(1);
    expect(tip.facts.length).toBeLessThanOrEqual(3);
    expect(
      tip.sources.every((s) => /^(China News Service|Unattributed news report), (about )?\d+ \w+ 2021$/.test(s)),
    ).toBe(true);
    expect(tip.quotes.length).toBeGreaterThan(0);
    expect(tip.quotes.every((q) => q.hidden)).toBe(true);
    expect(tip.why).toBe('Marked because this page says “PIXL”.');
    // Placed next to the word, inside the viewport.
    expect(tip.rect.top).toBeGreaterThanOrEqual(at.y);
    expect(tip.rect.top - at.y).toBeLessThan(40);
    // A page script sees our host as the topmost element where the card is.
    expect(await cardHostAt(page, (tip.rect.left + tip.rect.right) / 2, (tip.rect.top + tip.rect.bottom) / 2)).toBe(
      true,
    );
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('waits for the pointer to rest, stays open on the tooltip, closes when the pointer leaves', async () => {
    const page = await openArticle();
    const at = await wordCenter(page, 'Mastcam-Z');
    await page.mouseMove(at.x, at.y);
    await sleep(60);
    expect((await tooltip(page))?.open ?? false).toBe(false); // still within the intent delay
    const tip = await openTooltip(page);
    expect(tip && tip.name).toBe('Mastcam-Z');
    if (!tip) return;
    // Move onto the tooltip, through the gap, and stay a while: it stays open.
    await page.mouseMove(at.x, (at.y + tip.rect.top) / 2);
    await page.mouseMove(tip.rect.left + 20, tip.rect.top + 20);
    await sleep(700);
    expect((await tooltip(page))?.open).toBe(true);
    // The quotes open on demand.
    const toggle = (await tooltipButtons(page)).find((b) => b.text === 'Show quotes')!;
    await page.click(toggle.x, toggle.y);
    expect((await tooltip(page))!.quotes.every((q) => !q.hidden)).toBe(true);
    // Leave to empty space: it closes.
    await page.mouseMove(5, 5);
    expect(await waitFor(async () => !(await tooltip(page))?.open, 2000)).toBe(true);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('shows nothing over words that are not marked, or marked only in code and inputs', async () => {
    const page = await openArticle();
    for (const word of ['touched', 'PIXLS', 'preformatted']) {
      const at = await wordCenter(page, word);
      await page.mouseMove(at.x, at.y);
      await sleep(450);
      expect((await tooltip(page))?.open ?? false).toBe(false);
    }
    await page.close();
  });

  it('Esc closes the tooltip, and the page still gets its keys', async () => {
    const page = await openArticle();
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
    });
    const at = await wordCenter(page, 'JPL');
    await page.mouseMove(at.x, at.y);
    expect(await waitFor(async () => (await tooltip(page))?.open)).toBe(true);
    await page.press('Escape');
    expect(await waitFor(async () => !(await tooltip(page))?.open, 1000)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual(['Escape']);
    await page.close();
  });

  it('"Open in Mars Lens" opens the entity with all its facts', async () => {
    const page = await openArticle();
    const at = await wordCenter(page, 'PIXL');
    await page.mouseMove(at.x, at.y);
    expect(await waitFor(async () => (await tooltip(page))?.open)).toBe(true);
    const open = (await tooltipButtons(page)).find((b) => / Mars Lens$/.test(b.text))!;
    await page.click(open.x, open.y);
    const want = `${session.browser.extensionBase}popup.html?entity=pixl`;
    // An extension may read the URLs of its own pages without the "tabs" permission;
    // Firefox's automation protocol does not report them, so ask from an extension page.
    const ext = await session.browser.newPage();
    await ext.goto(`${session.browser.extensionBase}popup.html`);
    expect(await waitFor(async () => (await ownTabUrls(ext)).includes(want))).toBe(true);
    await ext.close();
    const popup = await session.browser.newPage();
    await popup.goto(want);
    const shown = await popup.evaluate(() => {
      const item = document.querySelector('[data-entity="pixl"]')!;
      return { open: item.querySelector('details')!.open, focused: document.activeElement === item };
    });
    expect(shown).toEqual({ open: true, focused: true });
    await popup.close();
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('says why a variant spelling was marked', async () => {
    const page = await openArticle();
    const at = await wordCenter(page, 'Jazero');
    await page.mouseMove(at.x, at.y);
    const tip = await openTooltip(page);
    expect(tip && tip.name).toBe('Jezero crater');
    expect(tip && tip.why).toBe(
      'Marked because this page says “Jazero”, a variant spelling of Jezero crater found in the sources.',
    );
    await page.close();
  });
});

// The next/previous-term commands arrive as the background sends them: a stepTerm
// message to the tab's top frame. Browsers give automation no way to press an
// extension's shortcut, so an extension page sends the same message.
describe.each<BrowserName>(['chromium', 'firefox'])('keyboard in %s', (name) => {
  const session = useExtensionBrowser(name);

  it('next and previous term move through the marks, show each tooltip with focus, Esc returns focus', async () => {
    const article = await session.browser.newPage();
    const url = session.server.url('reading/news-article.html');
    await article.goto(url);
    expect(await waitFor(() => article.evaluate(marksReady))).toBe(true);
    const ext = await session.browser.newPage();
    await ext.goto(`${session.browser.extensionBase}popup.html`);
    // The article is the newest tab other than the extension page.
    const tabId = await newestOtherTabId(ext);
    const step = (direction: 1 | -1) => sendToTab<boolean>(ext, tabId, 'stepTerm', direction);
    const state = () =>
      article.evaluate(() => {
        const focused: string[] = [];
        CSS.highlights.forEach((h) => {
          if (h.size !== 1) return;
          h.forEach((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            focused.push(range.toString());
          });
        });
        return { active: document.activeElement?.localName ?? null, focused };
      });

    const shown = async () => (await openTooltip(article))?.name;
    // The reader was in the page's search field: Esc brings them back there.
    await article.evaluate(() => document.querySelector('input')!.focus());
    expect(await step(1)).toBe(true);
    expect(await shown()).toBe('Perseverance rover');
    expect(await waitFor(() => focusInCard(article))).toBe(true);
    // A screen reader announces the term and its summary: the focused card is a dialog
    // named by the term and described by the summary.
    if (name === 'chromium') {
      const announced = await article.focusedAccessible();
      expect(announced).toMatchObject({ role: 'dialog', name: 'Perseverance rover' });
      expect(announced!.description.length).toBeGreaterThan(20);
      expect((await tooltip(article))?.summary).toBe(announced!.description);
    }
    expect((await state()).focused).toEqual(['Perseverance']);
    expect(await step(1)).toBe(true);
    expect(await step(1)).toBe(true);
    expect(await shown()).toBe('Jezero crater');
    expect((await state()).focused).toEqual(['Jezero crater']);
    expect(await step(-1)).toBe(true);
    expect((await state()).focused).toEqual(['Perseverance']);
    await article.press('Escape');
    expect(await waitFor(async () => !(await tooltip(article))?.open, 1000)).toBe(true);
    expect(await state()).toEqual({ active: 'input', focused: [] });
    // Opened by hover, a card never takes focus (and is the term's tooltip).
    const at = await wordCenter(article, 'PIXL');
    await article.mouseMove(at.x, at.y);
    expect((await openTooltip(article))?.name).toMatch(/^PIXL/);
    expect(await focusInCard(article)).toBe(false);
    expect((await state()).active).toBe('input');
    if (name === 'chromium') expect((await article.focusedAccessible())?.role).toBe('textbox');
    await ext.close();
    await article.close();
    expect(session.browser.errors).toEqual([]);
  });
});

// A card must be usable where the top layer lets the reader act: inside an open modal
// dialog (all outside it is inert and hidden from assistive technology) and inside the
// fullscreen element.
describe.each<BrowserName>(['chromium', 'firefox'])('top layer in %s', (name) => {
  const session = useExtensionBrowser(name);

  const click = async (page: Awaited<ReturnType<typeof session.browser.newPage>>, selector: string) => {
    const at = await page.evaluate((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, selector);
    await page.click(at.x, at.y);
  };

  it('a card for a term in a modal dialog is drawn in the dialog, stays under the pointer, and its buttons work', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('a11y/dialog.html'));
    await click(page, '#open');
    // Text in the closed dialog was not drawn; opened, it is read.
    const inDialog = () =>
      page.evaluate(() => {
        const dialog = document.getElementById('caption')!;
        let n = 0;
        CSS.highlights.forEach((h) => h.forEach((r) => void (dialog.contains(r.startContainer) && n++)));
        return n >= 3 || null;
      });
    expect(await waitFor(inDialog)).toBe(true);
    const at = await wordCenter(page, 'PIXL');
    await page.mouseMove(at.x, at.y);
    const tip = await openTooltip(page);
    expect(tip?.name).toBe('PIXL (Planetary Instrument for X-ray Lithochemistry)');
    if (!tip) return;
    // In the dialog, so neither inert nor hidden from assistive technology.
    expect(
      await page.evaluate(() => {
        const dialog = document.querySelector('dialog:modal')!;
        return [...dialog.children].some((c) => c.localName === 'div' && !c.firstChild);
      }),
    ).toBe(true);
    await page.mouseMove(at.x, (at.y + tip.rect.top) / 2);
    await page.mouseMove(tip.rect.left + 20, tip.rect.top + 20);
    await sleep(700);
    expect((await tooltip(page))?.open).toBe(true);
    expect(await cardHostAt(page, tip.rect.left + 20, tip.rect.top + 20)).toBe(true);
    const toggle = (await tooltipButtons(page)).find((b) => b.text === 'Show quotes')!;
    await page.click(toggle.x, toggle.y);
    expect(await waitFor(async () => (await tooltip(page))!.quotes.every((q) => !q.hidden) || null)).toBe(true);
    if (name === 'chromium') expect(await page.accessibleNames('button', ['Hide quotes'])).toEqual(['Hide quotes']);
    // The dialog closes: the card goes with its term, and the next card is drawn under <html> again.
    await page.mouseMove(5, 5);
    await waitFor(async () => !(await tooltip(page))?.open, 2000);
    await page.press('Escape');
    expect(await waitFor(() => page.evaluate(() => !document.querySelector('dialog:modal') || null))).toBe(true);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a card for a term in the fullscreen element is drawn in it and works', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('a11y/dialog.html'));
    await click(page, '#go-full');
    const full = await waitFor(() => page.evaluate(() => document.fullscreenElement?.id ?? null));
    expect(full).toBe('full');
    expect(
      await waitFor(() =>
        page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) >= 2 || null),
      ),
    ).toBe(true);
    const at = await wordCenter(page, 'Jezero', 1);
    await page.mouseMove(at.x, at.y);
    const tip = await openTooltip(page);
    expect(tip?.name).toBe('Jezero crater');
    expect(
      await page.evaluate(() => [...document.getElementById('full')!.children].some((c) => c.localName === 'div')),
    ).toBe(true);
    await page.mouseMove(tip!.rect.left + 20, tip!.rect.top + 20);
    await sleep(500);
    expect(await cardHostAt(page, tip!.rect.left + 20, tip!.rect.top + 20)).toBe(true);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
