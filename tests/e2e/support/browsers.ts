import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import { chromiumWithExtension } from '../../../scripts/chromium-recipe';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

// One small interface over Playwright (Chromium) and Puppeteer (Firefox), so every
// e2e test is written once and run in both browsers against the built extension.

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** Base URL of extension pages, e.g. chrome-extension://id/ */
  extensionBase: string;
  newPage(): Promise<TestPage>;
  /** Page errors and uncaught exceptions seen so far (content scripts included). */
  errors: string[];
  close(): Promise<void>;
}

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv2'),
};

// Firefox gives each profile a random moz-extension UUID; a fixed one lets tests
// open extension pages by URL.
const FIREFOX_ID = 'mars-lens@mars-lens.org';
const FIREFOX_UUID = '6d1f9a3e-3b1c-4b8e-9c57-0a5a7e2f11aa';

export async function launch(name: BrowserName, profileDir = ''): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(profileDir) : launchFirefox(profileDir);
}

async function launchChromium(profileDir: string): Promise<TestBrowser> {
  const dir = EXTENSION_DIRS.chromium;
  const context = await chromium.launchPersistentContext(profileDir, chromiumWithExtension(dir, { headless: true }));
  const errors: string[] = [];
  const watch = (page: PwPage) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    name: 'chromium',
    extensionBase: `chrome-extension://${extensionId}/`,
    errors,
    newPage: async () => wrapPlaywright(await context.newPage()),
    close: () => closeContext(context),
  };
}

async function closeContext(context: BrowserContext) {
  await context.close();
}

function wrapPlaywright(page: PwPage): TestPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

async function launchFirefox(profileDir: string): Promise<TestBrowser> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    ...(profileDir ? { userDataDir: profileDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      // Keep the browser off the (closed) network.
      'browser.safebrowsing.update.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  const id = await browser.installExtension(EXTENSION_DIRS.firefox);
  if (id !== FIREFOX_ID) throw new Error(`Firefox installed the extension as ${id}, expected ${FIREFOX_ID}`);
  const errors: string[] = [];
  return {
    name: 'firefox',
    extensionBase: `moz-extension://${FIREFOX_UUID}/`,
    errors,
    newPage: async () => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
      return wrapPuppeteer(page);
    },
    close: () => browser.close(),
  };
}

function wrapPuppeteer(page: PpPage): TestPage {
  return {
    goto: async (url) => {
      if (!url.startsWith('moz-extension:')) return void (await page.goto(url, { waitUntil: 'load' }));
      // Firefox's remote agent never reports the load of an extension page (the
      // navigation command hangs), so start it and watch the document instead.
      page.goto(url).catch(() => undefined);
      await page.waitForFunction(
        (u: string) => location.href === u && document.readyState === 'complete',
        { timeout: 15_000 },
        url,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}
