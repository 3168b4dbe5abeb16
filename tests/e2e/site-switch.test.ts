import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { sleep, tooltip, waitFor, wordCenter } from './support/page-helpers';
import { badgeText, newestOtherTabId, switchAt } from './support/extension-page';
import { useExtensionBrowser } from './support/session';

// The popup's one switch for the current site: off, and the marks vanish at once from
// every open tab of the site, leaving the page exactly as it was; on, and they return.

const markCount = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);

describe.each<BrowserName>(['chromium', 'firefox'])('per-site switch and badge in %s', (name) => {
  const session = useExtensionBrowser(name);

  it('turns the site off in every open tab at once and back on, leaving the page as it was', async () => {
    const other = await session.browser.newPage();
    await other.goto(session.server.url('reading/forms-and-code.html'));
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    const domBefore = await article.evaluate(() => document.documentElement.outerHTML);
    expect(await waitFor(async () => (await article.evaluate(markCount)) >= 10)).toBe(true);
    expect(await waitFor(async () => (await other.evaluate(markCount)) >= 3)).toBe(true);

    const popup = await session.browser.newPage();
    await popup.goto(`${session.browser.extensionBase}popup.html`);
    const tabId = await newestOtherTabId(popup);
    await popup.goto(`${session.browser.extensionBase}popup.html?tabId=${tabId}`);
    const before = await waitFor(async () => {
      const s = await switchAt(popup, 'this site').catch(() => null);
      return s?.label?.includes('127.0.0.1') ? s : null;
    });
    expect(before).toMatchObject({ checked: true });
    expect(before!.label).toBe('Mark terms on this site 127.0.0.1');
    // The badge counts distinct terms: Perseverance, Jezero, JPL, PIXL, Mastcam-Z, microphone, Mars.
    await waitFor(async () => (await badgeText(popup, tabId)) === '7');
    expect(await badgeText(popup, tabId)).toBe('7');

    await popup.click(before!.x, before!.y);
    expect(await waitFor(async () => (await article.evaluate(markCount)) === 0, 2000, 25)).toBe(true);
    expect(await waitFor(async () => (await other.evaluate(markCount)) === 0, 2000, 25)).toBe(true);
    expect(await article.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
    const at = await wordCenter(article, 'PIXL');
    await article.mouseMove(at.x, at.y);
    await sleep(500);
    expect((await tooltip(article))?.open ?? false).toBe(false);
    expect((await switchAt(popup, 'this site')).checked).toBe(false);
    expect(await waitFor(async () => (await badgeText(popup, tabId)) === '')).toBe(true);

    // A page opened while the site is off stays unmarked.
    const later = await session.browser.newPage();
    await later.goto(session.server.url('reading/news-article.html'));
    await sleep(600);
    expect(await later.evaluate(markCount)).toBe(0);

    const off = await switchAt(popup, 'this site');
    await popup.click(off.x, off.y);
    expect(await waitFor(async () => (await article.evaluate(markCount)) >= 10)).toBe(true);
    expect(await waitFor(async () => (await later.evaluate(markCount)) >= 10)).toBe(true);
    expect(await waitFor(async () => (await badgeText(popup, tabId)) === '7')).toBe(true);

    for (const p of [later, popup, article, other]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });
});
