import { describe, expect, it } from 'vitest';
import { TOOLTIP_CSS } from '../../lib/tooltip/style';
import type { BrowserName, TestPage } from './support/browsers';
import { axeReport, axeViolations } from './support/axe';
import { newestOtherTabId, openPopupFor, sendToTab } from './support/extension-page';
import { focusInCard, openTooltip, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// axe-core on every piece of Mars Lens's own UI, in the state a reader meets it and in
// both colour schemes: the popup with its site switch and "On this page", an entity
// opened, search results, the options page, and a page with a tooltip open.

const CASES: [BrowserName, 'light' | 'dark'][] = [
  ['chromium', 'light'],
  ['chromium', 'dark'],
  ['firefox', 'light'],
  ['firefox', 'dark'],
];

/** The card's background in each scheme (style.ts), to prove the scheme really applied. */
const CARD_BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 35)' };

/**
 * Copies the open tooltip card into an open shadow root of a plain page, with the
 * tooltip's own stylesheet. axe cannot see into the closed root the card lives in (no
 * page script can, which is the point); the copy renders the same nodes with the same
 * CSS in the same browser and scheme, so axe can check names, roles and contrast. The
 * card's words are generated content (lib/tooltip/card.ts), which browsers name and
 * read but axe does not look at: the copy has them as text in the same elements. (The
 * real card's names are checked in the browser's own accessibility tree.)
 */
async function stageCopy(stage: TestPage, cardHtml: string): Promise<void> {
  await stage.evaluate(
    ({ html, css }) => {
      const host = document.getElementById('stage')!.appendChild(document.createElement('div'));
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      // Shown in the flow instead of as a popover, so nothing but the card differs.
      style.textContent = `${css}\n.card { display: block; position: static; }`;
      const card = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;
      card.removeAttribute('popover');
      for (const el of [card, ...card.querySelectorAll('[data-t]')]) {
        const words = el.getAttribute('data-t');
        if (words === null) continue;
        el.prepend(words);
        el.removeAttribute('data-t');
      }
      root.append(style, document.adoptNode(card));
    },
    { html: cardHtml, css: TOOLTIP_CSS },
  );
}

describe.each(CASES)('accessibility in %s, %s scheme', (name, scheme) => {
  const session = useExtensionBrowser(name, { colorScheme: scheme });
  const ext = (path: string) => `${session.browser.extensionBase}${path}`;

  it('the popup for a page has no axe violations', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    expect(await waitFor(() => popup.evaluate(() => document.querySelectorAll('.on-this-page .chip').length > 0))).toBe(
      true,
    );
    const report = await axeReport(popup);
    expect(report.violations).toEqual([]);
    expect(report.passes['color-contrast']).toBeGreaterThan(5);
    for (const p of [popup, article]) await p.close();
  });

  it('the popup reads well: "On this page" is a region whose chips name term, count and action; each facts disclosure names its entity', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    expect(await waitFor(() => popup.evaluate(() => document.querySelectorAll('.on-this-page .chip').length > 0))).toBe(
      true,
    );
    // (The accessibility tree follows the page a moment later.)
    // Named as written, not in the capitals it is drawn in.
    const region = () => popup.accessibleNames('region', ['On this page']);
    expect(await waitFor(async () => ((await region()).length ? region() : null))).toEqual(['On this page']);
    // What a screen reader says for each chip: the term, how often it is marked, and what choosing it does.
    const chips = await popup.evaluate(() =>
      [...document.querySelectorAll('.on-this-page .chip:not(.more)')].map((c) => ({
        label: c.getAttribute('aria-label')!,
        name: c.querySelector('.name')!.textContent!,
        count: Number(c.querySelector('.count')!.textContent),
      })),
    );
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips)
      expect(chip.label).toBe(`${chip.name}, ${chip.count} mention${chip.count === 1 ? '' : 's'}: show on the page`);
    const labels = chips.slice(0, 3).map((c) => c.label);
    expect(
      await waitFor(async () =>
        (await popup.accessibleNames('button', labels)).length === labels.length
          ? popup.accessibleNames('button', labels)
          : null,
      ),
    ).toEqual(labels);
    // The facts disclosures, read out of context ("3 facts" alone says nothing), name their entity.
    const summaries = await popup.evaluate(() =>
      [...document.querySelectorAll('.entity')].map((e) => ({
        name: e.querySelector('h3')!.textContent!,
        summary: e.querySelector('summary')!.textContent!,
        // The words for screen readers take no room on screen.
        hiddenBox: (() => {
          const r = e.querySelector('summary .visually-hidden')!.getBoundingClientRect();
          return r.width <= 1 && r.height <= 1;
        })(),
      })),
    );
    expect(summaries.length).toBeGreaterThan(10);
    for (const s of summaries) {
      expect(s.summary).toMatch(new RegExp(`^\\d+ facts? about ${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(s.hiddenBox).toBe(true);
    }
    for (const p of [popup, article]) await p.close();
  });

  it('an opened entity and search results have no axe violations', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(ext('popup.html?entity=pixl'));
    expect(await waitFor(() => popup.evaluate(() => !!document.querySelector('details[open]')))).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.goto(ext('popup.html?q=x-ray'));
    expect(await waitFor(() => popup.evaluate(() => !!document.querySelector('#results')))).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page has no axe violations', async () => {
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    expect(await waitFor(() => options.evaluate(() => !!document.querySelector('fieldset')))).toBe(true);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('a page with a tooltip open has no axe violations, nor has the tooltip (names, roles, contrast)', async () => {
    // An article with no violations of its own: whatever axe finds is ours.
    const page = await session.browser.newPage();
    await page.goto(session.server.url('a11y/article.html'));
    // Marked first (the background may be starting from cold), then pointed at.
    expect(await waitFor(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0)), 5000)).toBe(
      true,
    );
    const at = await wordCenter(page, 'PIXL');
    await page.mouseMove(at.x, at.y);
    const tip = await openTooltip(page);
    expect(tip?.name).toMatch(/^PIXL/);
    expect(tip?.background).toBe(CARD_BACKGROUND[scheme]);
    expect(await axeViolations(page)).toEqual([]);

    const buttons = [...tip!.actions];
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    // The real card's buttons are named by their words in Chromium's accessibility tree,
    // though those words are generated content. (Firefox's WebDriver locator does not
    // look into shadow roots: the copy below, in the light DOM, shows that Firefox names
    // them the same way.)
    if (name === 'chromium') expect(await page.accessibleNames('button', buttons)).toEqual(buttons);
    const cardHtml = await page.inCard((root) => root.querySelector('.card')!.outerHTML);
    expect(cardHtml).toContain('role="tooltip"');
    const named = await session.browser.newPage();
    await named.goto(session.server.url('a11y/stage.html'));
    await named.evaluate((html) => {
      const style = document.createElement('style');
      style.textContent = '[data-t]::before { content: attr(data-t); }';
      document.head.append(style);
      const card = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;
      card.removeAttribute('popover');
      document.getElementById('stage')!.append(document.adoptNode(card));
    }, cardHtml!);
    expect(await named.accessibleNames('button', buttons)).toEqual(buttons);
    await named.close();
    const stage = await session.browser.newPage();
    await stage.goto(session.server.url('a11y/stage.html'));
    await stageCopy(stage, cardHtml!);
    const copied = await stage.evaluate(() => {
      const card = document.getElementById('stage')!.querySelector('div')!.shadowRoot!.querySelector('.card')!;
      return { background: getComputedStyle(card).backgroundColor, buttons: card.querySelectorAll('button').length };
    });
    expect(copied.background).toBe(CARD_BACKGROUND[scheme]);
    expect(copied.buttons).toBeGreaterThanOrEqual(3);
    const report = await axeReport(stage);
    expect(report.violations).toEqual([]);
    // Contrast was really measured on the card's texts, not skipped.
    expect(report.passes['color-contrast']).toBeGreaterThanOrEqual(6);
    for (const p of [page, stage]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('a card stepped to by keyboard is a dialog named by its term and described by its summary, with no axe violations', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('a11y/article.html'));
    expect(await waitFor(() => page.evaluate(() => [...CSS.highlights.values()].some((h) => h.size > 0)), 5000)).toBe(
      true,
    );
    const ext = await session.browser.newPage();
    await ext.goto(`${session.browser.extensionBase}popup.html`);
    const tabId = await newestOtherTabId(ext);
    expect(await sendToTab<boolean>(ext, tabId, 'stepTerm', 1)).toBe(true);
    const tip = await openTooltip(page);
    expect(tip?.name).toBeTruthy();
    expect(await waitFor(() => focusInCard(page))).toBe(true);
    const cardHtml = (await page.inCard((root) => root.querySelector('.card')!.outerHTML))!;
    expect(cardHtml).toContain('role="dialog"');
    expect(cardHtml).toContain('aria-labelledby="ml-name"');
    expect(cardHtml).toContain('aria-describedby="ml-summary"');
    const stage = await session.browser.newPage();
    await stage.goto(session.server.url('a11y/stage.html'));
    await stageCopy(stage, cardHtml);
    const report = await axeReport(stage);
    expect(report.violations).toEqual([]);
    expect(report.passes['aria-dialog-name']).toBeGreaterThanOrEqual(1);
    for (const p of [page, ext, stage]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });
});
