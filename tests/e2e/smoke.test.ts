import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useExtensionBrowser } from './support/session';

describe.each<BrowserName>(['chromium', 'firefox'])('smoke in %s', (name) => {
  const session = useExtensionBrowser(name);

  it('loads the extension and opens its popup listing Jezero and PIXL with their sources', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.browser.extensionBase}popup.html`);
    const entries = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-entity]')].map((li) => ({
        id: li.dataset.entity,
        name: li.querySelector('h3')?.textContent,
        sources: li.querySelector('.sources')?.textContent,
      })),
    );
    const jezero = entries.find((e) => e.id === 'jezero-crater');
    const pixl = entries.find((e) => e.id === 'pixl');
    expect(jezero?.name).toBe('Jezero crater');
    expect(jezero?.sources).toContain('Unattributed news report, about 24 February 2021');
    expect(pixl?.name).toMatch(/^PIXL/);
    expect(pixl?.sources).toContain('Unattributed news report');
    expect(entries.find((e) => e.id === 'nasa')?.sources).toContain('China News Service, 23 February 2021');
    await page.close();
  });

  it('opens a fixture page with the content script loaded and no page errors', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('smoke.html'));
    expect(await page.evaluate(() => document.title)).toBe('Smoke');
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });

  it('records page errors, so the "no errors" checks above can fail', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url('throws.html'));
    await new Promise((r) => setTimeout(r, 300));
    await page.close();
    expect(session.browser.errors.some((e) => e.includes('fixture-thrown'))).toBe(true);
    session.browser.errors.length = 0;
  });
});
