import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useExtensionBrowser } from './support/session';

// Each fixture under tests/fixtures/reading carries its expectations in
// <script type="application/json" id="expected">: the marks of the top frame, and of
// each same-origin iframe in order. The page's own world reads each frame's highlight
// registry (shared with the page), as a page script could, to see what was marked.

interface Expected {
  marked: string[];
  frames?: string[][];
}

const FIXTURES = ['news-article.html', 'off-topic.html'];

/** Marked texts per frame: the top frame first, then each same-origin iframe. */
function readMarks(): string[][] {
  const frames = [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow!)] as (Window &
    typeof globalThis)[];
  return frames.map((w) => {
    const texts: string[] = [];
    w.CSS.highlights.forEach((h) =>
      h.forEach((r) => {
        const range = w.document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        texts.push(range.toString().replace(/\s+/g, ' '));
      }),
    );
    return texts;
  });
}

describe.each<BrowserName>(['chromium', 'firefox'])('reading in %s', (name) => {
  const session = useExtensionBrowser(name);

  it.each(FIXTURES)('marks exactly the expected terms on %s, and the DOM stays as loaded', async (fixture) => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(`reading/${fixture}`));
    const expected = await page.evaluate(
      () => JSON.parse(document.getElementById('expected')!.textContent!) as Expected,
    );
    const want = [expected.marked, ...(expected.frames ?? [])];
    // A page expecting no marks at all must prove the script ran some other way (a
    // marked frame), or an extension that never ran would pass.
    expect(want.some((frame) => frame.length > 0)).toBe(true);
    const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
    // The content scripts run at document_idle; wait until every frame is marked, then
    // a little longer so late or extra marks would show.
    let marked: string[][] = [];
    for (let i = 0; i < 30; i++) {
      marked = await page.evaluate(readMarks);
      if (marked.every((m, f) => m.length >= (want[f]?.length ?? 0))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 300));
    marked = await page.evaluate(readMarks);
    expect(marked).toEqual(want);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
    await page.close();
    expect(session.browser.errors).toEqual([]);
  });
});
