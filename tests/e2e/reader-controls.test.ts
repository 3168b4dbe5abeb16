import { documentMarkCss } from '../../lib/page/mark-style';
import { describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { badgeText, chips, openPopupFor } from './support/extension-page';
import { openTooltip, sleep, tooltip, tooltipButtons, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// What a reader does with Mars Lens beyond hovering: "On this page" in the popup and
// its jump to each mention, the tooltip's feedback buttons and their undo in the
// options page, import of a settings file, and a search started from a selection.

const markCount = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);

/** Centre of the first button (or element matching selector) whose text or label contains text. */
function buttonAt(page: TestPage, text: string, selector = 'button') {
  return page.evaluate(
    ({ text, selector }) => {
      const el = [...document.querySelectorAll<HTMLElement>(selector)].find(
        (b) => (b.textContent ?? '').includes(text) || (b.getAttribute('aria-label') ?? '').includes(text),
      );
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { text, selector },
  );
}

/** Hovers the nth occurrence of word and clicks the tooltip button labelled label. */
async function tooltipAction(page: TestPage, word: string, label: string, nth = 0) {
  const at = await wordCenter(page, word, nth);
  await page.mouseMove(at.x, at.y);
  expect(await openTooltip(page)).not.toBeNull();
  const button = (await tooltipButtons(page)).find((b) => b.text === label);
  expect(button, `tooltip button "${label}"`).toBeDefined();
  await page.click(button!.x, button!.y);
}

/** True if hovering the nth occurrence of word opens no tooltip within 700 ms. */
async function hoverShowsNothing(page: TestPage, word: string, nth = 0) {
  await page.mouseMove(0, 0);
  await sleep(400);
  const at = await wordCenter(page, word, nth);
  await page.mouseMove(at.x, at.y);
  await sleep(700);
  return !((await tooltip(page))?.open ?? false);
}

describe.each<BrowserName>(['chromium', 'firefox'])('reader controls in %s', (name) => {
  const session = useExtensionBrowser(name);
  const ext = (path: string) => `${session.browser.extensionBase}${path}`;

  it('"On this page" lists the terms with counts; choosing one shows it, choosing again the next mention', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    expect(await waitFor(async () => (await article.evaluate(markCount)) >= 10)).toBe(true);
    const popup = await session.browser.newPage();
    const tabId = await openPopupFor(popup, session.browser.extensionBase);

    const list = await waitFor(async () => {
      const c = await chips(popup);
      return c.length === 7 ? c : null;
    });
    expect(list?.map((c) => c.id).sort()).toEqual(
      ['jezero-crater', 'jpl', 'mars', 'mastcam-z', 'microphone', 'perseverance', 'pixl'].sort(),
    );
    // Every mark on the page is counted once, and the badge agrees on the number of terms.
    expect(list!.reduce((n, c) => n + c.count, 0)).toBe(await article.evaluate(markCount));
    expect(await badgeText(popup, tabId)).toBe('7');
    const jezero = list!.find((c) => c.id === 'jezero-crater')!;
    expect(jezero.count).toBe(2);
    expect(jezero.label).toBe('Jezero crater, 2 mentions: show on the page');

    await popup.click(jezero.x, jezero.y);
    const first = await openTooltip(article);
    expect(first?.name).toBe('Jezero crater');
    await popup.click(jezero.x, jezero.y);
    // The second mention is the variant spelling "Jazero", further down the page.
    const second = await waitFor(async () => {
      const tip = await tooltip(article);
      return tip?.open && tip.why.includes('Jazero') ? tip : null;
    });
    expect(second?.name).toBe('Jezero crater');
    expect(second!.rect.top).not.toBe(first!.rect.top);
    // A third choice wraps around to the first mention.
    await popup.click(jezero.x, jezero.y);
    expect(
      await waitFor(async () => {
        const tip = await tooltip(article);
        return tip?.open && tip.why === first!.why;
      }),
    ).toBe(true);

    for (const p of [popup, article]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('"On this page" counts the terms of the tab\'s frames too', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('reading/off-topic.html'));
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    // The page itself is off topic and has no marks; its on-topic frame has three.
    const list = await waitFor(async () => {
      const c = await chips(popup);
      return c.length === 3 ? c : null;
    });
    expect(list?.map((c) => `${c.id} ${c.count}`).sort()).toEqual(['mars 1', 'microphone 1', 'pixl 1']);
    for (const p of [popup, page]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('"Don\'t mark this term on this site" and "Wrong meaning here" act at once, persist, and undo from the options page', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    expect(await waitFor(async () => (await article.evaluate(markCount)) >= 10)).toBe(true);
    const all = await article.evaluate(markCount);

    await tooltipAction(article, 'PIXL', "Don't mark this term on this site");
    // PIXL's one mark goes; the rest stay.
    expect(await waitFor(async () => (await article.evaluate(markCount)) === all - 1)).toBe(true);
    expect(await hoverShowsNothing(article, 'PIXL')).toBe(true);

    await tooltipAction(article, 'Jazero', 'Wrong meaning here');
    // Only that spelling goes: "Jezero crater" is still explained.
    expect(await waitFor(async () => (await article.evaluate(markCount)) === all - 2)).toBe(true);
    expect(await hoverShowsNothing(article, 'Jazero')).toBe(true);
    const at = await wordCenter(article, 'Jezero crater');
    await article.mouseMove(at.x, at.y);
    expect((await openTooltip(article))?.name).toBe('Jezero crater');

    // It persists: a page opened later on the site leaves them unmarked too.
    const later = await session.browser.newPage();
    await later.goto(session.server.url('reading/news-article.html'));
    expect(await waitFor(async () => (await later.evaluate(markCount)) === all - 2)).toBe(true);

    // The options page lists both, and undoes each.
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    const listed = await waitFor(() =>
      options.evaluate(() => {
        const items = [...document.querySelectorAll('.muted li span')].map((s) => s.textContent);
        return items.length === 2 ? items : null;
      }),
    );
    expect(listed).toEqual([
      'PIXL (Planetary Instrument for X-ray Lithochemistry): not marked on 127.0.0.1',
      '“Jazero” (Jezero crater): wrong meaning on 127.0.0.1',
    ]);
    for (const what of ['Undo: PIXL', 'Undo: “Jazero”']) {
      const undo = await buttonAt(options, what);
      expect(undo).not.toBeNull();
      await options.click(undo!.x, undo!.y);
      await sleep(100);
    }
    expect(await waitFor(async () => (await article.evaluate(markCount)) === all)).toBe(true);
    expect(await waitFor(async () => (await later.evaluate(markCount)) === all)).toBe(true);
    await article.mouseMove(0, 0);
    await sleep(400);
    const pixl = await wordCenter(article, 'PIXL');
    await article.mouseMove(pixl.x, pixl.y);
    expect((await openTooltip(article))?.name).toMatch(/^PIXL/);

    for (const p of [options, later, article]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('the options page\'s "first mention only" and "nothing until I point" change open pages at once', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    expect(await waitFor(async () => (await article.evaluate(markCount)) >= 10)).toBe(true);
    const all = await article.evaluate(markCount);
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    const toggle = async (label: string) => {
      const at = await waitFor(() => buttonAt(options, label, 'label'));
      await options.click(at!.x, at!.y);
    };

    await toggle('Mark only the first mention of each term');
    // Seven terms on the page, each marked once.
    expect(await waitFor(async () => (await article.evaluate(markCount)) === 7)).toBe(true);
    await toggle('Mark only the first mention of each term');
    expect(await waitFor(async () => (await article.evaluate(markCount)) === all)).toBe(true);

    await toggle('Nothing until I point at a term');
    // Marks are still there to hover (drawn with no decoration), and the tooltip opens.
    // The look is the manifest stylesheet's rule for the highlight the page registers.
    const look = async () =>
      (await article.evaluate(() => [...CSS.highlights.keys()]))
        .map(
          (name) =>
            documentMarkCss()
              .split('\n')
              .find((line) => line.includes(`::highlight(${name})`)) ?? '',
        )
        .join();
    await sleep(300);
    expect(await look()).not.toBe('');
    expect(await look()).not.toMatch(/underline dotted/);
    const at = await wordCenter(article, 'PIXL');
    await article.mouseMove(at.x, at.y);
    expect((await openTooltip(article))?.name).toMatch(/^PIXL/);
    await toggle('Dotted underline');
    await sleep(300);
    expect(await look()).toMatch(/underline dotted/);

    for (const p of [options, article]) await p.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('clearing the hover delay to type another saves no 0 ms; the new delay is saved', async () => {
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    const field = () =>
      options.evaluate(() => {
        const input = [...document.querySelectorAll<HTMLInputElement>('input[type="number"]')].find((i) =>
          i.closest('label')!.textContent!.includes('Hover delay'),
        )!;
        input.scrollIntoView({ block: 'center' });
        const r = input.getBoundingClientRect();
        return {
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
          value: input.value,
          focused: document.activeElement === input,
        };
      });
    const stored = () =>
      options.evaluate(async () => {
        type Storage = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Storage; chrome: Storage };
        const settings = (await (g.browser ?? g.chrome).storage.sync.get('settings')).settings as
          { hoverDelayMs?: number } | undefined;
        return settings?.hoverDelayMs ?? null;
      });
    expect(await waitFor(async () => (await field().catch(() => null))?.value === '200')).toBe(true);
    const at = await field();
    await options.click(at.x, at.y);
    expect((await field()).focused).toBe(true);
    await options.press('End');
    for (let i = 0; i < 4; i++) await options.press('Backspace');
    expect((await field()).value).toBe('');
    await options.press('Tab');
    await sleep(500);
    expect(await stored()).not.toBe(0);
    // Left empty, the field shows the delay still in force.
    expect((await field()).value).toBe('200');
    const again = await field();
    await options.click(again.x, again.y);
    await options.press('End');
    for (let i = 0; i < 4; i++) await options.press('Backspace');
    for (const key of ['4', '5', '0']) await options.press(key);
    await options.press('Tab');
    expect(await waitFor(async () => (await stored()) === 450)).toBe(true);
    await options.close();
  });

  it('refuses an invalid settings file with its reason and changes nothing; a valid one applies; an export imports back', async () => {
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    expect(await waitFor(() => options.evaluate(() => !!document.querySelector('input[type="file"]')))).toBe(true);
    const choose = (name: string, text: string) =>
      options.evaluate(
        ({ name, text }) => {
          const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
          const files = new DataTransfer();
          files.items.add(new File([text], name, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { name, text },
      );
    const stored = () =>
      options.evaluate(async () => {
        type Storage = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Storage; chrome: Storage };
        return JSON.stringify((await (g.browser ?? g.chrome).storage.sync.get('settings')).settings ?? null);
      });
    const message = () =>
      waitFor(() => options.evaluate(() => document.querySelector('[role="alert"], p.ok > span')?.textContent ?? null));
    const siteList = () =>
      options.evaluate(() => [...document.querySelectorAll('.sites li span')].map((s) => s.textContent).join());
    /** A valid file waits for the reader's yes, saying what it replaces; nothing is saved before it. */
    const confirm = async (summary: string, unchanged: string) => {
      const asked = await waitFor(() =>
        options.evaluate(() => document.getElementById('confirm-import-text')?.textContent ?? null),
      );
      expect(asked).toContain(summary);
      await sleep(200);
      expect(await stored()).toBe(unchanged);
      const yes = await buttonAt(options, 'Replace my settings');
      await options.click(yes!.x, yes!.y);
    };
    const before = await stored();

    await choose(
      'bad.json',
      JSON.stringify({
        kind: 'mars-lens-settings',
        version: 2,
        settings: { markStyle: 'neon', sites: ['keep.example'] },
      }),
    );
    expect(await message()).toBe(
      'bad.json was not imported. The file has problems: markStyle: expected "underline", "background" or "hover-only". Your settings are unchanged.',
    );
    await sleep(200);
    expect(await stored()).toBe(before);
    expect(await options.evaluate(() => document.querySelectorAll('.sites li').length)).toBe(0);

    await choose('not-json.json', '{"kind": "mars-lens-settings",');
    expect(
      await waitFor(async () =>
        ((await message()) ?? '').startsWith('not-json.json was not imported. This file is not JSON ('),
      ),
    ).toBe(true);
    expect(await stored()).toBe(before);

    const good = JSON.stringify({ kind: 'mars-lens-settings', version: 1, settings: { sites: ['Www.Example.org'] } });
    // Cancelled: nothing changes.
    await choose('good.json', good);
    expect(
      await waitFor(() => options.evaluate(() => document.getElementById('confirm-import-text')?.textContent ?? null)),
    ).toBe('Replace your settings with those in good.json? Marks everywhere except 1 listed site, 0 muted terms.');
    const cancel = await buttonAt(options, 'Cancel');
    await options.click(cancel!.x, cancel!.y);
    expect(await waitFor(() => options.evaluate(() => !document.getElementById('confirm-import-text')))).toBe(true);
    await sleep(200);
    expect(await stored()).toBe(before);
    // Replaced, then undone, then replaced again.
    await choose('good.json', good);
    await confirm('1 listed site', before);
    expect(await waitFor(async () => (await message()) === 'Imported the settings from good.json.')).toBe(true);
    expect(await waitFor(async () => ((await stored()) !== before ? true : null))).toBe(true);
    const undo = await buttonAt(options, 'Undo import');
    await options.click(undo!.x, undo!.y);
    expect(
      await waitFor(async () => (await message()) === 'Your settings are back as they were before the import.'),
    ).toBe(true);
    // (Nothing may have been stored before: the defaults were in force.)
    const sitesOf = (json: string) => (JSON.parse(json) as { sites?: string[] } | null)?.sites ?? [];
    expect(sitesOf(before)).toEqual([]);
    expect(await waitFor(async () => (sitesOf(await stored()).length === 0 ? true : null))).toBe(true);
    expect(await siteList()).toBe('');
    const undone = await stored();
    await choose('good.json', good);
    await confirm('1 listed site', undone);
    expect(await waitFor(async () => (await message()) === 'Imported the settings from good.json.')).toBe(true);
    expect(
      await waitFor(() =>
        options.evaluate(
          () => [...document.querySelectorAll('.sites li span')].map((s) => s.textContent).join() || null,
        ),
      ),
    ).toBe('example.org');

    const reset = async () => {
      const button = await buttonAt(options, 'Reset to defaults');
      await options.click(button!.x, button!.y);
      const yes = await buttonAt(options, 'Yes, reset');
      await options.click(yes!.x, yes!.y);
      expect(await waitFor(() => options.evaluate(() => document.querySelectorAll('.sites li').length === 0))).toBe(
        true,
      );
    };

    // Export: the file the reader would save is caught at the download link (no download
    // dialog in a test browser), then imported back after a reset.
    await options.evaluate(() => {
      const w = window as unknown as { exported: { name: string; url: string }[] };
      w.exported = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) w.exported.push({ name: this.download, url: this.href });
        else click.call(this);
      };
    });
    const exportButton = await buttonAt(options, 'Export settings');
    await options.click(exportButton!.x, exportButton!.y);
    const exported = await waitFor(() =>
      options.evaluate(async () => {
        const file = (window as unknown as { exported: { name: string; url: string }[] }).exported[0];
        return file ? { name: file.name, text: await (await fetch(file.url)).text() } : null;
      }),
    );
    expect(exported?.name).toBe('mars-lens-settings.json');
    expect(JSON.parse(exported!.text)).toMatchObject({
      kind: 'mars-lens-settings',
      settings: { sites: ['example.org'] },
    });
    await reset();
    const afterReset = await stored();
    await choose(exported!.name, exported!.text);
    await confirm('1 listed site', afterReset);
    expect(await waitFor(async () => (await message()) === 'Imported the settings from mars-lens-settings.json.')).toBe(
      true,
    );
    expect(await waitFor(async () => ((await siteList()) === 'example.org' ? true : null))).toBe(true);

    // Put things back for the other tests.
    await reset();
    await options.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('"Look up in Mars Lens" opens the popup\'s search with the selection', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(ext(`popup.html?q=${encodeURIComponent('Jazero')}`));
    const first = await waitFor(() =>
      popup.evaluate(() => document.querySelector('#results ~ ul [data-entity]')?.getAttribute('data-entity') ?? null),
    );
    expect(first).toBe('jezero-crater');
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[role="searchbox"]')!.value)).toBe(
      'Jazero',
    );
    await popup.close();
    expect(session.browser.errors).toEqual([]);
  });
});
