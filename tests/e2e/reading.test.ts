import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useExtensionBrowser } from './support/session';

// Each fixture under tests/fixtures/reading carries its expectations in
// <script type="application/json" id="expected">. The page's own world reads the
// shared highlight registry, as a page script could, to see what was marked.

const FIXTURES = ['news-article.html', 'off-topic.html'];

describe.each<BrowserName>(['chromium', 'firefox'])('reading in %s', (name) => {
  const session = useExtensionBrowser(name);

  it.each(FIXTURES)('marks exactly the expected terms on %s, and the DOM stays as loaded', async (fixture) => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(`reading/${fixture}`));
    const expected = await page.evaluate(
      () => JSON.parse(document.getElementById('expected')!.textContent!) as { marked: string[] },
    );
    const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
    // The content script runs at document_idle; give it time to register its marks.
    let marked: string[] = [];
    for (let i = 0; i < 20; i++) {
      marked = await page.evaluate(() => {
        const texts: string[] = [];
        CSS.highlights.forEach((h) =>
          h.forEach((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            texts.push(range.toString());
          }),
        );
        return texts;
      });
      if (marked.length >= expected.marked.length && (expected.marked.length > 0 || i >= 5)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(marked.map((t) => t.replace(/\s+/g, ' '))).toEqual(expected.marked);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
