import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserName, TestBrowser } from './support/browsers';
import { openPopupFor } from './support/extension-page';
import { openTooltip, sleep, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// Mars Lens makes no network request of its own: every fixture page, read and hovered
// with the extension, asks for exactly what it asks for without it, and the popup and
// options pages fetch nothing but their own packaged files.

const FIXTURES = readdirSync('tests/fixtures/reading').filter((f) => f.endsWith('.html'));

describe.each<BrowserName>(['chromium', 'firefox'])('network in %s', (name) => {
  const session = useExtensionBrowser(name, { plain: true });

  async function visit(browser: TestBrowser, url: string, hover: boolean): Promise<string[]> {
    const from = browser.requests.length;
    const page = await browser.newPage();
    await page.goto(url);
    await sleep(800);
    if (hover) {
      const at = await wordCenter(page, 'PIXL').catch(() => null);
      // Only where the word is on screen (one fixture is a single enormous text node).
      if (at && at.x >= 0 && at.y >= 0 && at.x < 800 && at.y < 600) {
        await page.mouseMove(at.x, at.y);
        await openTooltip(page, 1500);
      }
    }
    await sleep(300);
    await page.close();
    return [...new Set(browser.requests.slice(from))].sort();
  }

  it(`adds no request to any of the ${FIXTURES.length} fixture pages`, async () => {
    let pages = 0;
    for (const fixture of FIXTURES) {
      const url = session.server.url(`reading/${fixture}`);
      const plain = await visit(session.plain, url, false);
      const ours = await visit(session.browser, url, true);
      expect(
        ours.filter((u) => !plain.includes(u)),
        fixture,
      ).toEqual([]);
      pages++;
    }
    expect(pages).toBe(FIXTURES.length);
    // Only the pages' own errors (one fixture throws on purpose), none of ours.
    expect(session.browser.errors.filter((e) => !session.plain.errors.includes(e))).toEqual([]);
  }, 240_000);

  it('the popup and options pages fetch only their own files', async () => {
    const from = session.browser.requests.length;
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    expect(await waitFor(() => popup.evaluate(() => document.querySelectorAll('.chip').length > 0))).toBe(true);
    await popup.goto(`${session.browser.extensionBase}popup.html?q=jazero`);
    await popup.goto(`${session.browser.extensionBase}options.html`);
    await sleep(500);
    // The article (and the browser's favicon request for it) is the page's own traffic.
    const others = session.browser.requests
      .slice(from)
      .filter((u) => !u.startsWith(session.browser.extensionBase) && !u.startsWith(session.server.origin));
    expect(others).toEqual([]);
    for (const p of [popup, article]) await p.close();
  });
});
