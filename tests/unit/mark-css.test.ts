import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { insertMarkCss } from '../../lib/browser/mark-css';
import { documentMarkCss, MARK_NAMES } from '../../lib/page/mark-style';

// A frame that has marks gets their look from the background: a user-origin sheet
// inserted into that frame alone (Chromium's scripting, Firefox's tabs.insertCSS).

const fake = fakeBrowser as unknown as Record<string, unknown> & { tabs: Record<string, unknown> };

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  delete fake.scripting;
  delete fake.tabs.insertCSS;
});

describe('the marks’ look', () => {
  it('Chromium: inserts the user sheet into the one frame', async () => {
    const insertCSS = vi.fn(async () => undefined);
    fake.scripting = { insertCSS };
    expect(await insertMarkCss(7, 3)).toBe(true);
    expect(insertCSS).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      css: documentMarkCss(),
      origin: 'USER',
    });
  });

  it('Firefox: inserts the user sheet into the one frame, about:blank frames included', async () => {
    const insertCSS = vi.fn(async () => undefined);
    fake.tabs.insertCSS = insertCSS;
    expect(await insertMarkCss(7, 0)).toBe(true);
    expect(insertCSS).toHaveBeenCalledWith(7, {
      frameId: 0,
      code: documentMarkCss(),
      cssOrigin: 'user',
      matchAboutBlank: true,
    });
  });

  it('answers false where the frame cannot be given it (the frame then adopts the rules itself)', async () => {
    fake.scripting = { insertCSS: async () => Promise.reject(new Error('Cannot access contents of the page')) };
    expect(await insertMarkCss(7, 3)).toBe(false);
  });

  it('styles every look and the focus mark, every declaration !important', () => {
    const css = documentMarkCss();
    for (const name of Object.values(MARK_NAMES)) expect(css).toContain(`::highlight(${name})`);
    const declarations = css
      .split(/[{}]/)
      .filter((_, i) => i % 2 === 1)
      .flatMap((body) => body.split(';'))
      .map((d) => d.trim())
      .filter(Boolean);
    expect(declarations.length).toBeGreaterThan(8);
    for (const d of declarations) expect(d).toMatch(/!important$/);
  });
});
