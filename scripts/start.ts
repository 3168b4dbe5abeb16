// `npm start`: build the extension and open it on a demo article made from the seeds.
// With a display, Chromium opens in a window and stays until you close it. Without one
// (CI, SSH), it runs headless and writes demo-output/demo.png and demo-output/summary.json.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumWithExtension } from './chromium-recipe';
import { demoArticleHtml } from './demo-article';

execSync('npx wxt build', { stdio: 'inherit' });
const html = demoArticleHtml();
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const url = `http://127.0.0.1:${port}/`;
const extension = resolve('.output/chrome-mv3');
const headless = !process.env.DISPLAY;

const context = await chromium.launchPersistentContext(
  '',
  chromiumWithExtension(extension, { headless, viewport: { width: 1100, height: 900 } }),
);
const errors: string[] = [];
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => errors.push(e.message));
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
await page.goto(url);
await page.waitForTimeout(1000);

if (!headless) {
  console.log(`Mars Lens demo open at ${url}; close the browser window to stop.`);
  await new Promise<void>((r) => context.on('close', () => r()));
} else {
  mkdirSync('demo-output', { recursive: true });
  // The highlight registry is shared with the page, so the page's own world can count
  // the marks the content script registered.
  const marks = await page.evaluate(() => {
    const out: { highlight: string; ranges: number; texts: string[] }[] = [];
    CSS.highlights.forEach((h, name) => {
      const texts = [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
      out.push({ highlight: name, ranges: h.size, texts });
    });
    return out;
  });
  // Rest the pointer on a marked word, as a reader would, so the screenshot shows a tooltip.
  const word = await wordAt(page, 'Jet Propulsion Laboratory', 200);
  if (word) {
    await page.mouse.move(word.x, word.y);
    await page.waitForTimeout(600);
  }
  // The card's host is a plain <div> under <html>, there only while a card is open.
  const tooltipShown = await page.evaluate(() =>
    [...document.documentElement.children].some((c) => c.localName === 'div' && !c.firstChild),
  );
  await page.screenshot({ path: 'demo-output/demo.png' });
  // The popup for the demo tab, opened as a page (popup.html?tabId=N).
  // Without the "tabs" permission URLs are hidden; the demo is the only (newest) tab yet.
  const tabId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
      .chrome;
    return Math.max(...(await api.tabs.query({})).map((t) => t.id ?? -1));
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.site-name');
  await popup.waitForSelector('.on-this-page .chip');
  await popup.screenshot({ path: 'demo-output/popup.png' });

  // On a phone: a 390 × 844 screen with touch, a tap on a term, and the popup as the tab
  // Firefox for Android shows it in (360 px wide).
  const phone = await context.newPage();
  const cdp = await context.newCDPSession(phone);
  await phone.setViewportSize({ width: 390, height: 844 });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await phone.goto(url);
  await phone.waitForTimeout(1000);
  const term = await wordAt(phone, 'Michael Watkins', 120);
  if (term) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [term] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await phone.waitForTimeout(600);
  }
  await phone.screenshot({ path: 'demo-output/phone-card.png' });
  const phonePopup = await context.newPage();
  await phonePopup.setViewportSize({ width: 360, height: 740 });
  await phonePopup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tabId=${tabId}`);
  await phonePopup.waitForSelector('.site-name');
  await phonePopup.waitForSelector('.on-this-page .chip');
  await phonePopup.screenshot({ path: 'demo-output/phone-popup.png' });
  const summary = {
    url,
    extensionId: new URL(worker.url()).host,
    title: await page.title(),
    highlights: marks.map((m) => ({ ranges: m.ranges })),
    termsMarked: [...new Set(marks.flatMap((m) => m.texts))].sort(),
    tooltipShown,
    pageErrors: errors,
  };
  writeFileSync('demo-output/summary.json', JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  console.log('Wrote demo-output/demo.png, popup.png, phone-card.png, phone-popup.png and summary.json');
  await context.close();
}
server.close();
if (errors.length) process.exitCode = 1;

/** Scrolls the first occurrence of text to `top` px from the viewport's top; its centre, or null. */
function wordAt(on: Page, text: string, top: number): Promise<{ x: number; y: number } | null> {
  return on.evaluate(
    ({ text, top }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        window.scrollBy(0, range.getBoundingClientRect().top - top);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { text, top },
  );
}
