import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type TestBrowser } from './support/browsers';
import { serveFixtures, type FixtureServer } from './support/server';

describe.each<BrowserName>(['chromium', 'firefox'])('smoke in %s', (name) => {
  let browser: TestBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures');
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the extension and opens its popup listing Jezero and PIXL with their sources', async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.extensionBase}popup.html`);
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
    const page = await browser.newPage();
    await page.goto(server.url('smoke.html'));
    expect(await page.evaluate(() => document.title)).toBe('Smoke');
    await page.close();
    expect(browser.errors).toEqual([]);
  });

  it('records page errors, so the "no errors" checks above can fail', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('throws.html'));
    await new Promise((r) => setTimeout(r, 300));
    await page.close();
    expect(browser.errors.some((e) => e.includes('fixture-thrown'))).toBe(true);
    browser.errors.length = 0;
  });
});
