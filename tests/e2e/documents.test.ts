import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { badgeText, newestOtherTabId } from './support/extension-page';
import { openTooltip, sleep, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// Documents that are not HTML pages, and pages from disk. What happens, in short:
// - XHTML (application/xhtml+xml) is a page like any other: marked.
// - An SVG document or a raw XML document is never marked (text in drawings and data is
//   not prose), and Mars Lens neither throws nor changes it.
// - file:// pages: Chromium marks them when Mars Lens has file access (an unpacked
//   extension loaded from the command line, as here, has it; an installed one needs
//   "Allow access to file URLs" switched on). Firefox ESR 153 leaves them unmarked:
//   it injects no extension content script into file:// pages at all (checked with a
//   build whose first line tags the page: the tag never appeared), which no manifest
//   setting of ours changes.
// - A PDF opens in the browser's own viewer (Chromium's PDF extension, Firefox's
//   pdf.js), where no extension's content script runs: nothing is marked, the badge
//   stays empty, nothing throws.

const markCount = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
const tree = () => new XMLSerializer().serializeToString(document);

describe.each<BrowserName>(['chromium', 'firefox'])('other documents in %s', (name) => {
  const session = useExtensionBrowser(name, { plain: true });

  async function open(url: string, plain = false): Promise<TestPage> {
    const page = await (plain ? session.plain : session.browser).newPage();
    await page.goto(url);
    return page;
  }

  it('marks an XHTML article and explains a term on hover', async () => {
    const page = await open(session.server.url('documents/article.xhtml'));
    expect(await waitFor(async () => (await page.evaluate(markCount)) === 5)).toBe(true);
    const at = await wordCenter(page, 'PIXL');
    await page.mouseMove(at.x, at.y);
    expect((await openTooltip(page))?.name).toBe('PIXL (Planetary Instrument for X-ray Lithochemistry)');
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it.each(['documents/drawing.svg', 'documents/feed.xml'])('leaves %s unmarked and unchanged', async (path) => {
    const url = session.server.url(path);
    const plain = await open(url, true);
    const before = await plain.evaluate(tree);
    await plain.close();
    const page = await open(url);
    await sleep(800);
    expect(await page.evaluate(() => ('highlights' in CSS ? [...CSS.highlights.keys()].length : 0))).toBe(0);
    expect(await page.evaluate(tree)).toBe(before);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it("leaves a PDF in the browser's viewer alone: no marks, an empty badge, no errors", async () => {
    const pdf = await open(session.server.url('documents/report.pdf'));
    const helper = await session.browser.newPage();
    await helper.goto(`${session.browser.extensionBase}popup.html`);
    const tabId = await newestOtherTabId(helper);
    await sleep(1500);
    expect(await pdf.evaluate(() => document.contentType)).toBe('application/pdf');
    expect(await badgeText(helper, tabId)).toBe('');
    // The same tab on a page with terms gets a badge: the check above could fail.
    await pdf.goto(session.server.url('documents/article.xhtml'));
    expect(await waitFor(async () => (await badgeText(helper, tabId)) === '5')).toBe(true);
    for (const p of [pdf, helper]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it(`${name === 'chromium' ? 'marks' : 'leaves unmarked'} a page opened from disk, without errors`, async () => {
    const page = await open(pathToFileURL(resolve('tests/fixtures/reading/news-article.html')).href);
    if (name === 'chromium') {
      expect(await waitFor(async () => (await page.evaluate(markCount)) >= 10)).toBe(true);
    } else {
      await sleep(800);
      expect(await page.evaluate(markCount)).toBe(0);
    }
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
