import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installInProfile, launch, type BrowserName, type TestBrowser, type TestPage } from './support/browsers';
import { badgeText, chips, newestOtherTabId, switchAt } from './support/extension-page';
import { openTooltip, sleep, tooltipButtons, waitFor, wordCenter } from './support/page-helpers';
import { serveFixtures, type FixtureServer } from './support/server';

// What browsers do to an extension over a day of reading, in both browsers: the
// background stopped while tabs are open, pages put in the back/forward cache and
// brought back, frames removed, the extension updated under open tabs. Each fixture
// page says which terms it has (its #expected script); the badge and "On this page"
// must say the same, and the marks must be there once, working.

interface Expected {
  terms: string[];
  marks?: number;
  frameTerms?: string[];
}

const expected = (page: TestPage) =>
  page.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!) as Expected);

/** Marks per registered highlight that has any (more than one entry: two instances marking). */
const highlightSizes = () => [...CSS.highlights.values()].map((h) => h.size).filter((n) => n > 0);

async function marked(page: TestPage, count: number) {
  const sizes = await waitFor(async () => {
    const now = await page.evaluate(highlightSizes);
    return now.length === 1 && now[0] === count ? now : null;
  }, 5000);
  return sizes ?? (await page.evaluate(highlightSizes));
}

/** "On this page" for a tab as its popup shows it: entity ids, sorted. */
async function onThisPage(browser: TestBrowser, tabId: number, expectedCount: number) {
  const popup = await browser.newPage();
  try {
    await popup.goto(`${browser.extensionBase}popup.html?tabId=${tabId}`);
    // Past eight terms the list ends in "more": open it, as a reader would.
    const more = await waitFor(
      () =>
        popup.evaluate(() => {
          const b = document.querySelector('.on-this-page .chip.more')?.getBoundingClientRect();
          return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
        }),
      expectedCount > 8 ? 5000 : 0,
    );
    if (more) await popup.click(more.x, more.y);
    const ids = await waitFor(async () => {
      const list = (await chips(popup)).map((c) => c.id).sort();
      return list.length === expectedCount ? list : null;
    }, 5000);
    return { ids: ids ?? (await chips(popup)).map((c) => c.id).sort(), badge: await badgeText(popup, tabId) };
  } finally {
    await popup.close();
  }
}

/** Opens url in a new tab; returns the page and its tab id. */
async function openTab(browser: TestBrowser, url: string) {
  const page = await browser.newPage();
  await page.goto(url);
  const helper = await browser.newPage();
  await helper.goto(`${browser.extensionBase}popup.html`);
  // The helper's own tab is newer: the page's tab is the newest other than it… and
  // than any earlier helper, which is closed.
  const tabId = await newestOtherTabId(helper);
  await helper.close();
  return { page, tabId };
}

async function hoverShowsCard(page: TestPage, word: string) {
  await page.mouseMove(0, 0);
  await sleep(300);
  const at = await wordCenter(page, word);
  await page.mouseMove(at.x, at.y);
  return (await openTooltip(page, 5000))?.name ?? null;
}

describe.each<BrowserName>(['chromium', 'firefox'])('lifecycle in %s', (name) => {
  let server: FixtureServer;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures');
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(() => server?.close());
  const url = (page: string) => server.url(`lifecycle/${page}`);
  /** Three tabs, each with its page marked as it expects. */
  const openThreeTabs = async (b: TestBrowser) => {
    const tabs = [];
    for (const page of ['first.html', 'second.html', 'third.html']) {
      const tab = await openTab(b, url(page));
      const want = await expected(tab.page);
      expect(await marked(tab.page, want.marks!)).toEqual([want.marks]);
      tabs.push({ ...tab, want });
    }
    return tabs;
  };

  it('the background stopped with three tabs open: badge, "On this page" and cards still hold', async () => {
    // Firefox suspends its idle event page after a second here instead of 30 s.
    browser = await launch(name, { backgroundIdleMs: 1000 });
    const tabs = await openThreeTabs(browser);
    for (const { tabId, want } of tabs)
      expect(await onThisPage(browser, tabId, want.terms.length)).toEqual({
        ids: want.terms,
        badge: String(want.terms.length),
      });

    await browser.stopBackground();
    expect(await browser.backgroundRunning()).toBe(false);

    for (const { tabId, want } of tabs)
      expect(await onThisPage(browser, tabId, want.terms.length)).toEqual({
        ids: want.terms,
        badge: String(want.terms.length),
      });
    await browser.stopBackground();
    expect(await hoverShowsCard(tabs[0]!.page, 'PIXL')).toMatch(/^PIXL/);
    expect(await hoverShowsCard(tabs[1]!.page, 'Mastcam-Z')).toBe('Mastcam-Z');
    expect(browser.errors).toEqual([]);
  });

  it('back from the back/forward cache, the background asleep meanwhile: the badge and "On this page" show the page again', async () => {
    browser = await launch(name, { bfcache: true, backgroundIdleMs: 1000 });
    const { page, tabId } = await openTab(browser, url('first.html'));
    const first = await expected(page);
    expect(await marked(page, first.marks!)).toEqual([first.marks]);
    expect((await onThisPage(browser, tabId, first.terms.length)).ids).toEqual(first.terms);

    await page.goto(url('second.html'));
    const second = await expected(page);
    expect(await marked(page, second.marks!)).toEqual([second.marks]);
    expect(await onThisPage(browser, tabId, second.terms.length)).toEqual({
      ids: second.terms,
      badge: String(second.terms.length),
    });

    // The background sleeps while the reader reads the second page, and wakes for the way back.
    await browser.stopBackground();
    await page.goBack();
    // The page says it came back from the cache (not loaded again).
    expect(await page.evaluate(() => document.documentElement.dataset.shows)).toBe('loaded cached ');
    expect(await marked(page, first.marks!)).toEqual([first.marks]);
    expect(await onThisPage(browser, tabId, first.terms.length)).toEqual({
      ids: first.terms,
      badge: String(first.terms.length),
    });
    expect(await hoverShowsCard(page, 'PIXL')).toMatch(/^PIXL/);
    expect(browser.errors).toEqual([]);
  });

  it('an iframe removed while the background sleeps: its terms leave the badge and "On this page"', async () => {
    browser = await launch(name, { backgroundIdleMs: 1000 });
    const { page, tabId } = await openTab(browser, url('with-frame.html'));
    const want = await expected(page);
    const all = [...new Set([...want.terms, ...want.frameTerms!])].sort();
    const top = want.terms;
    expect(await onThisPage(browser, tabId, all.length)).toEqual({ ids: all, badge: String(all.length) });

    // Removed while the background sleeps: the page's word wakes it.
    await browser.stopBackground();
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    // The badge follows without the popup being opened (read from the settings page, which asks the background nothing).
    const reader = await browser.newPage();
    await reader.goto(`${browser.extensionBase}options.html`);
    expect(await waitFor(async () => (await badgeText(reader, tabId)) === String(top.length))).toBe(true);
    await reader.close();
    expect(await onThisPage(browser, tabId, top.length)).toEqual({ ids: top, badge: String(top.length) });
    expect(browser.errors).toEqual([]);
  });

  it('the extension updated with three tabs open: each is marked once, explains, and follows the switch', async () => {
    browser = await launch(name);
    const tabs = await openThreeTabs(browser);
    // A card open in the first tab when the update comes.
    expect(await hoverShowsCard(tabs[0]!.page, 'PIXL')).toMatch(/^PIXL/);

    await browser.reloadExtension();
    for (const { page, want } of tabs) {
      // The old instance's marks and card are gone; the new one's marks are there once.
      expect(await marked(page, want.marks!)).toEqual([want.marks]);
      expect(await waitFor(async () => (await page.cardHosts()) === 0)).toBe(true);
    }
    for (const { tabId, want } of tabs)
      expect(await onThisPage(browser, tabId, want.terms.length)).toEqual({
        ids: want.terms,
        badge: String(want.terms.length),
      });
    expect(await hoverShowsCard(tabs[1]!.page, 'Mastcam-Z')).toBe('Mastcam-Z');

    // Off from the popup: every tab of the site, old marks included, goes blank; on again, back once.
    const popup = await browser.newPage();
    await popup.goto(`${browser.extensionBase}popup.html?tabId=${tabs[0]!.tabId}`);
    const toggle = async () => {
      const at = await waitFor(() => switchAt(popup, 'this site').catch(() => null));
      await popup.click(at!.x, at!.y);
    };
    await toggle();
    for (const { page } of tabs)
      expect(await waitFor(async () => (await page.evaluate(highlightSizes)).length === 0)).toBe(true);
    await toggle();
    for (const { page, want } of tabs) expect(await marked(page, want.marks!)).toEqual([want.marks]);
    await popup.close();
    expect(browser.errors).toEqual([]);
  });

  it('50 settings changes at once, from the popup, the settings page and two tabs, are all kept', async () => {
    browser = await launch(name);
    const a = await openTab(browser, url('first.html'));
    const b = await openTab(browser, url('third.html').replace('127.0.0.1', 'localhost'));
    for (const tab of [a, b]) {
      const want = await expected(tab.page);
      expect(await marked(tab.page, want.marks!)).toEqual([want.marks]);
    }
    const options = await browser.newPage();
    await options.goto(`${browser.extensionBase}options.html`);
    const popup = await browser.newPage();
    await popup.goto(`${browser.extensionBase}popup.html?tabId=${a.tabId}`);
    const thisSite = await waitFor(() => switchAt(popup, 'this site').catch(() => null));
    // Each tab's card open on a term, its "Don't mark" button ready.
    const muteButton = async (page: TestPage, word: string) => {
      expect(await hoverShowsCard(page, word)).not.toBeNull();
      const button = (await tooltipButtons(page)).find((x) => x.text === "Don't mark this term on this site");
      expect(button).toBeDefined();
      return button!;
    };
    const muteA = await muteButton(a.page, 'PIXL');
    const muteB = await muteButton(b.page, 'Mastcam-Z');

    const OPTIONS_SITES = 22;
    const POPUP_SITES = 25;
    await Promise.all([
      // The settings page's own form, one site after another as fast as it re-renders.
      options.evaluate(async (n) => {
        const input = document.querySelector<HTMLInputElement>('form.add-site input[name="site"]')!;
        const add = document.querySelector<HTMLButtonElement>('form.add-site button[type="submit"]')!;
        // A task of its own (a timer in a tab in the background waits a second in Firefox).
        const tick = () =>
          new Promise<void>((r) => {
            const { port1, port2 } = new MessageChannel();
            port1.onmessage = () => r();
            port2.postMessage(null);
          });
        for (let i = 1; i <= n; i++) {
          input.value = `o${i}.example`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await tick();
          add.click();
          await tick();
        }
      }, OPTIONS_SITES),
      // The popup's own message, all at once, each from the settings the popup saw.
      popup.evaluate(
        async ({ n, from }) => {
          const g = globalThis as unknown as {
            browser?: { runtime: { sendMessage(m: object): Promise<unknown> } };
            chrome: { runtime: { sendMessage(m: object, cb: (r: unknown) => void): void } };
          };
          const send = (m: object) =>
            g.browser ? g.browser.runtime.sendMessage(m) : new Promise((r) => g.chrome.runtime.sendMessage(m, r));
          await Promise.all(
            Array.from({ length: n }, (_, i) =>
              send({
                id: 1000 + i,
                type: 'changeSettings',
                data: { from, to: { ...from, sites: [`p${i + 1}.example`] } },
                timestamp: Date.now(),
              }),
            ),
          );
        },
        // What the popup saw: the defaults (nothing was changed yet).
        { n: POPUP_SITES, from: DEFAULT_SETTINGS },
      ),
      popup.click(thisSite!.x, thisSite!.y),
      a.page.click(muteA.x, muteA.y),
      b.page.click(muteB.x, muteB.y),
    ]);

    // All 50: every site added, this site switched off, both terms muted where they were.
    const want = [
      ...Array.from({ length: OPTIONS_SITES }, (_, i) => `o${i + 1}.example`),
      ...Array.from({ length: POPUP_SITES }, (_, i) => `p${i + 1}.example`),
      '127.0.0.1',
    ].sort();
    const kept = await waitFor(async () => {
      const now = await storedSettings(options);
      return now && [...now.sites].sort().join() === want.join() && now.muted.length === 2 ? now : null;
    }, 10_000);
    const last = kept ?? (await storedSettings(options));
    expect([...(last?.sites ?? [])].sort()).toEqual(want);
    expect(last?.muted.map((m) => `${m.entityId}@${m.site}`).sort()).toEqual(['mastcam-z@localhost', 'pixl@127.0.0.1']);
    expect(last).toMatchObject({ mode: 'all-except-listed', paused: false, markStyle: 'underline' });
    // And the pages follow: the first tab's site is off; the other lost only Mastcam-Z.
    expect(await waitFor(async () => (await a.page.evaluate(highlightSizes)).length === 0)).toBe(true);
    expect(await marked(b.page, (await expected(b.page)).marks! - 1)).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});

describe.each<BrowserName>(['chromium', 'firefox'])('across a browser restart in %s', (name) => {
  let profileDir: string;
  let browser: TestBrowser | undefined;
  beforeAll(() => {
    profileDir = mkdtempSync(join(tmpdir(), `mars-lens-restart-${name}-`));
    // Firefox: installed for good, so that the second launch is a restart (onStartup),
    // not a new temporary install (onInstalled). Chromium loads the unpacked extension
    // into the same profile each time.
    if (name === 'firefox') installInProfile(profileDir);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  /** Whether the "Look up in Mars Lens" menu item exists (updating a missing item fails). */
  const menuItem = async (b: TestBrowser) => {
    const page = await b.newPage();
    await page.goto(`${b.extensionBase}options.html`);
    const found = await page.evaluate(async () => {
      type Menus = { update(id: string, change: object): Promise<void> };
      const g = globalThis as unknown as { browser?: { contextMenus: Menus }; chrome: { contextMenus: Menus } };
      return (g.browser ?? g.chrome).contextMenus.update('look-up', {}).then(
        () => 'present',
        (e: Error) => e.message,
      );
    });
    await page.close();
    return found;
  };

  it('keeps the "Look up in Mars Lens" menu item', async () => {
    browser = await launch(name, { profileDir, installedInProfile: true });
    expect(await waitFor(async () => (await menuItem(browser!)) === 'present', 5000)).toBe(true);
    await browser.close();
    browser = await launch(name, { profileDir, installedInProfile: true });
    const after = await waitFor(async () => {
      const now = await menuItem(browser!);
      return now === 'present' ? now : null;
    }, 5000);
    expect(after ?? (await menuItem(browser))).toBe('present');
    expect(browser.errors).toEqual([]);
  });
});

/** The settings as stored (in sync storage, or local where they did not fit), read from an extension page. */
function storedSettings(page: TestPage) {
  return page.evaluate(async () => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const g = globalThis as unknown as {
      browser?: { storage: Record<string, Area> };
      chrome: { storage: Record<string, Area> };
    };
    const storage = (g.browser ?? g.chrome).storage;
    const place =
      ((await storage.local!.get('settingsPlace')).settingsPlace as { area?: string } | undefined)?.area ?? 'sync';
    return ((await storage[place]!.get('settings')).settings ?? null) as {
      mode: string;
      paused: boolean;
      markStyle: string;
      sites: string[];
      muted: { entityId: string; site: string }[];
    } | null;
  });
}
