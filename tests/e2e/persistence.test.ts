import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type TestBrowser, type TestPage } from './support/browsers';
import { openPopupFor, switchAt } from './support/extension-page';
import { sleep, waitFor } from './support/page-helpers';
import { serveFixtures, type FixtureServer } from './support/server';

// Settings outlive the browser: a site switched off is still off after a restart with
// the same profile, and another site (localhost is another host than 127.0.0.1) stays
// on throughout. Settings too big for sync storage's quota are kept locally, and the
// options page says so.

const markCount = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);

describe.each<BrowserName>(['chromium', 'firefox'])('settings across restarts in %s', (name) => {
  let server: FixtureServer;
  let profileDir: string;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures');
    profileDir = mkdtempSync(join(tmpdir(), `mars-lens-${name}-`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  const here = () => server.url('reading/news-article.html');
  const elsewhere = () => here().replace('127.0.0.1', 'localhost');
  const open = async (url: string) => {
    const page = await browser!.newPage();
    await page.goto(url);
    return page;
  };
  const marked = (page: TestPage) => waitFor(async () => (await page.evaluate(markCount)) >= 10);

  it('a site switched off stays off after a restart; another site stays on', async () => {
    browser = await launch(name, { profileDir });
    const other = await open(elsewhere());
    const article = await open(here());
    expect(await marked(article)).toBe(true);
    expect(await marked(other)).toBe(true);
    const popup = await browser.newPage();
    await openPopupFor(popup, browser.extensionBase);
    const on = await waitFor(async () => {
      const s = await switchAt(popup, 'this site').catch(() => null);
      return s?.label?.includes('127.0.0.1') ? s : null;
    });
    await popup.click(on!.x, on!.y);
    expect(await waitFor(async () => (await article.evaluate(markCount)) === 0)).toBe(true);
    await sleep(300);
    expect(await other.evaluate(markCount)).toBeGreaterThanOrEqual(10);
    expect(browser.errors).toEqual([]);
    await browser.close();

    browser = await launch(name, { profileDir });
    const stillOther = await open(elsewhere());
    const again = await open(here());
    expect(await marked(stillOther)).toBe(true);
    expect(await again.evaluate(markCount)).toBe(0);
    const popup2 = await browser.newPage();
    await openPopupFor(popup2, browser.extensionBase);
    const state = await waitFor(async () => {
      const s = await switchAt(popup2, 'this site').catch(() => null);
      return s?.label?.includes('127.0.0.1') ? s : null;
    });
    expect(state).toMatchObject({ checked: false, label: 'Mark terms on this site 127.0.0.1' });
    expect(browser.errors).toEqual([]);
  });

  it('settings too big for sync storage are kept in this browser, and the options page says so', async () => {
    browser ??= await launch(name, { profileDir });
    const options = await browser.newPage();
    await options.goto(browser.extensionBase + 'options.html');
    expect(await waitFor(() => options.evaluate(() => !!document.querySelector('input[type="file"]')))).toBe(true);
    // 600 sites of ~30 characters: about 18 KB, over the 8 KB sync storage allows one item.
    const sites = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.org`);
    await options.evaluate(
      (text) => {
        const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
        const files = new DataTransfer();
        files.items.add(new File([text], 'big.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      JSON.stringify({ kind: 'mars-lens-settings', version: 2, settings: { sites } }),
    );
    // The import says what it would set and waits for the reader's yes.
    const yes = await waitFor(() =>
      options.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Replace my settings');
        button?.scrollIntoView({ block: 'center' });
        const r = button?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }),
    );
    expect(yes).not.toBeNull();
    await options.click(yes!.x, yes!.y);
    const notice = await waitFor(() => options.evaluate(() => document.querySelector('.notice')?.textContent ?? null));
    expect(notice).toMatch(
      /^Your settings are too large for your browser's sync storage, so they are kept in this browser only/,
    );
    expect(await options.evaluate(() => document.querySelectorAll('.sites li').length)).toBe(600);
    // Kept, not lost: a reload reads them back from local storage.
    await options.goto(browser.extensionBase + 'options.html');
    expect(await waitFor(() => options.evaluate(() => document.querySelectorAll('.sites li').length === 600))).toBe(
      true,
    );
    expect(browser.errors).toEqual([]);
  });
});
