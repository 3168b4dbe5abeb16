import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { waitFor } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// The popup's search, used by keyboard as a reader would: focus the box, type a
// misspelling, read the first result.

describe.each<BrowserName>(['chromium', 'firefox'])('popup search in %s', (name) => {
  const session = useExtensionBrowser(name);

  it.each([
    ['jazero', 'jezero-crater'],
    ['pixel', 'pixl'],
    ['x-ray', 'pixl'],
    ['microphone', 'microphone'],
  ])('"%s" finds %s first', async (query, id) => {
    const popup = await session.browser.newPage();
    await popup.goto(`${session.browser.extensionBase}popup.html`);
    // Measure once the popup has drawn everything (the site switch arrives above the box).
    const box = await waitFor(() =>
      popup.evaluate(() => {
        if (!performance.getEntriesByName('mars-lens:popup-ready').length) return null;
        const input = document.querySelector<HTMLInputElement>('input[role="searchbox"][aria-label="Search facts"]');
        if (!input) return null;
        const r = input.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    );
    expect(box).not.toBeNull();
    await popup.click(box!.x, box!.y);
    for (const key of query) await popup.press(key);
    const first = await waitFor(() =>
      popup.evaluate(
        (q) =>
          document.querySelector<HTMLInputElement>('input[role="searchbox"]')!.value === q
            ? (document.querySelector('#results ~ ul [data-entity]')?.getAttribute('data-entity') ?? null)
            : null,
        query,
      ),
    );
    expect(first).toBe(id);
    await popup.close();
    expect(session.browser.errors).toEqual([]);
  });
});
