import { describe, expect, it } from 'vitest';
import type { BrowserName, TestPage } from './support/browsers';
import { newestOtherTabId } from './support/extension-page';
import { openTooltip, sleep, tooltip, waitFor, wordCenter } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// The library as a reader meets it: save a locally served article from the popup (its
// metadata read, its new acronym and known entities shown before anything is saved),
// see the acronym marked on another page with a card citing and linking the article,
// delete it and see it gone from every open tab, and import a bad fact pack, refused
// with its reason. Saving asks the network for nothing.

interface Expected {
  title: string;
  site: string;
  byline: string;
  date: string;
  term: string;
  name: string;
  known: string[];
}

const moxieMarks = (page: TestPage) =>
  page.evaluate(() => {
    // Marks over the word MOXIE: ranges in the page's highlights whose text is MOXIE.
    let n = 0;
    for (const h of CSS.highlights.values())
      for (const r of h) {
        // (Marks are static ranges: read their text through a live one.)
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() === 'MOXIE') n++;
      }
    return n;
  });

const clickText = async (page: TestPage, selector: string, text?: string) => {
  const at = await waitFor(() =>
    page.evaluate(
      ({ selector, text }) => {
        const el = [...document.querySelectorAll<HTMLElement>(selector)].find(
          (e) => !text || e.textContent?.includes(text),
        );
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      { selector, text },
    ),
  );
  if (!at) throw new Error(`nothing at ${selector} ${text ?? ''}`);
  await page.click(at.x, at.y);
};

describe.each<BrowserName>(['chromium', 'firefox'])('the library in %s', (name) => {
  const session = useExtensionBrowser(name);
  const ext = (path: string) => `${session.browser.extensionBase}${path}`;

  it('saves an article, marks its new acronym elsewhere with a card that cites it, and forgets it everywhere when deleted', async () => {
    const { browser, server } = session;
    // Before: MOXIE means nothing to Mars Lens.
    const later = await browser.newPage();
    await later.goto(server.url('library/later-news.html'));
    await sleep(800);
    expect(await moxieMarks(later)).toBe(0);

    const article = await browser.newPage();
    const articleUrl = server.url('library/moxie-article.html');
    await article.goto(articleUrl);
    const expected = JSON.parse(
      await article.evaluate(() => document.getElementById('expected')!.textContent!),
    ) as Expected;
    const popup = await browser.newPage();
    await popup.goto(ext('popup.html'));
    const tabId = await newestOtherTabId(popup);
    await popup.goto(ext(`popup.html?tabId=${tabId}`));

    const requestsBefore = browser.requests.length;
    await clickText(popup, 'button.save-start');
    // The preview, before anything is saved: the article's metadata, its new term, the known entities it mentions.
    const preview = await waitFor(() =>
      popup.evaluate(() => {
        const p = document.querySelector('.save.preview');
        if (!p) return null;
        return {
          meta: p.querySelector('.article-meta')!.textContent!,
          terms: [...p.querySelectorAll('.new-terms li')].map((li) => li.querySelector('label')!.textContent!.trim()),
          known: [...p.querySelectorAll('.mentions details')].map((d) => (d as HTMLElement).dataset.entity!),
        };
      }),
    );
    expect(preview?.meta).toContain(expected.title);
    expect(preview?.meta).toContain(`${expected.site}, ${expected.date}`);
    expect(preview?.meta).toContain(expected.byline);
    expect(preview?.terms).toEqual([`${expected.term}: ${expected.name}`]);
    expect(preview?.known).toEqual(expect.arrayContaining(expected.known));
    // Nothing is saved yet.
    expect(await popup.evaluate(() => document.querySelector('.library'))).toBeNull();
    // Untick the sentence about the coffee machine? It was never offered: it mentions nothing.
    expect(await popup.evaluate(() => document.body.textContent!.includes('coffee machine'))).toBe(false);
    await clickText(popup, 'button.save-confirm');
    const status = await waitFor(() =>
      popup.evaluate(() => document.querySelector('.save-status')?.textContent?.match(/^Saved .*/)?.[0] ?? null),
    );
    expect(status).toMatch(new RegExp(`^Saved “${expected.title}”: 1 new term, \\d+ sentences\\.$`));
    // Saving asked the network for nothing.
    expect(browser.requests.slice(requestsBefore).filter((u) => /^https?:/.test(u))).toEqual([]);
    // The popup lists it, and its search finds the new term.
    expect(
      await waitFor(() => popup.evaluate(() => document.querySelector('.library .title')?.textContent ?? null)),
    ).toBe(expected.title);
    await popup.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('input.search')!;
      box.value = 'oxygen experiment';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(
      await waitFor(() => popup.evaluate(() => document.querySelector('.fact-list .entity h3')?.textContent ?? null)),
    ).toBe(expected.name);

    // The page open before the save reads itself again: MOXIE is marked, and its card cites the article.
    expect(await waitFor(async () => ((await moxieMarks(later)) > 0 ? true : null), 5000)).toBe(true);
    const at = await wordCenter(later, 'MOXIE');
    await later.mouseMove(at.x, at.y);
    const card = await openTooltip(later, 3000);
    expect(card?.name).toBe(expected.name);
    expect(card?.category).toBe('From your reading');
    const reading = await later.inCard((root) =>
      [...root.querySelectorAll('.reading li')].map((li) => ({
        words: [...li.querySelectorAll('[data-t]')].map((e) => e.getAttribute('data-t')).join(''),
        href: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
    );
    expect(reading?.length).toBeGreaterThan(0);
    expect(reading![0]!.words).toContain('Mars Oxygen In-Situ Resource Utilization Experiment (MOXIE)');
    expect(reading![0]!.words).toContain(`${expected.site}, ${expected.date}`);
    expect(reading![0]!.href).toBe(articleUrl);
    await later.mouseMove(5, 5);

    // A second tab on the same page, marked too.
    const another = await browser.newPage();
    await another.goto(server.url('library/later-news.html'));
    expect(await waitFor(async () => ((await moxieMarks(another)) > 0 ? true : null), 5000)).toBe(true);

    // Deleted from the settings page: gone from every tab, with no reload; Undo is offered.
    const options = await browser.newPage();
    await options.goto(ext('options.html'));
    await clickText(options, '.library button.delete');
    expect(
      await waitFor(() => options.evaluate(() => document.querySelector('.library .status')?.textContent ?? null)),
    ).toContain(`Deleted “${expected.title}”.`);
    for (const tab of [later, another])
      expect(await waitFor(async () => ((await moxieMarks(tab)) === 0 ? true : null), 5000)).toBe(true);
    expect((await tooltip(later))?.open ?? false).toBe(false);
    // Undo brings it back, marked again.
    await clickText(options, '.library .status button', 'Undo');
    expect(await waitFor(async () => ((await moxieMarks(another)) > 0 ? true : null), 5000)).toBe(true);
    for (const p of [options, another, popup, article, later]) await p.close();
    expect(browser.errors).toEqual([]);
  });

  it('refuses a bad fact pack whole, with its reason, and changes nothing', async () => {
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    expect(
      await waitFor(() => options.evaluate(() => document.querySelectorAll('input[type="file"]').length === 2 || null)),
    ).toBe(true);
    const before = await options.evaluate(() => document.querySelectorAll('.library .article').length);
    const pack = {
      format: 'mars-lens-fact-pack',
      version: 1,
      articles: [
        {
          id: 'a-0',
          url: 'https://example.org/a',
          title: 'A',
          site: 'Example',
          byline: '',
          published: '',
          savedAt: '2026-12-01T00:00:00.000Z',
          text: 'MOXIE made oxygen.',
          terms: [],
          quotes: [{ text: 'A sentence the article never had.', entities: ['nasa'] }],
        },
      ],
    };
    await options.evaluate((text) => {
      const input = [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].at(-1)!;
      const files = new DataTransfer();
      files.items.add(new File([text], 'bad-pack.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, JSON.stringify(pack));
    const alert = await waitFor(() =>
      options.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join() || null),
    );
    expect(alert).toContain('bad-pack.json was not imported.');
    expect(alert).toContain('articles[0].id');
    expect(alert).toContain('Your library is unchanged.');
    expect(await options.evaluate(() => document.querySelectorAll('.library .article').length)).toBe(before);
    await options.close();
    expect(session.browser.errors).toEqual([]);
  });
});
