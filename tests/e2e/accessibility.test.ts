import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { axeViolations } from './support/axe';
import { openPopupFor } from './support/extension-page';
import { waitFor } from './support/page-helpers';
import { useExtensionBrowser } from './support/session';

// axe-core on every page of Mars Lens's own UI, in the state a reader meets it: the
// popup with its site switch and "On this page", an entity opened, search results,
// and the options page.

describe.each<BrowserName>(['chromium', 'firefox'])('accessibility in %s', (name) => {
  const session = useExtensionBrowser(name);
  const ext = (path: string) => `${session.browser.extensionBase}${path}`;

  it('the popup for a page has no axe violations', async () => {
    const article = await session.browser.newPage();
    await article.goto(session.server.url('reading/news-article.html'));
    const popup = await session.browser.newPage();
    await openPopupFor(popup, session.browser.extensionBase);
    expect(await waitFor(() => popup.evaluate(() => document.querySelectorAll('.on-this-page .chip').length > 0))).toBe(
      true,
    );
    expect(await axeViolations(popup)).toEqual([]);
    for (const p of [popup, article]) await p.close();
  });

  it('an opened entity and search results have no axe violations', async () => {
    const popup = await session.browser.newPage();
    await popup.goto(ext('popup.html?entity=pixl'));
    expect(await waitFor(() => popup.evaluate(() => !!document.querySelector('details[open]')))).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.goto(ext('popup.html?q=x-ray'));
    expect(await waitFor(() => popup.evaluate(() => !!document.querySelector('#results')))).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page has no axe violations', async () => {
    const options = await session.browser.newPage();
    await options.goto(ext('options.html'));
    expect(await waitFor(() => options.evaluate(() => !!document.querySelector('fieldset')))).toBe(true);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    expect(session.browser.errors).toEqual([]);
  });
});
