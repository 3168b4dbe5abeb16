import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import { chromiumWithExtension } from '../../../scripts/chromium-recipe';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

// One small interface over Playwright (Chromium) and Puppeteer (Firefox), so every
// e2e test is written once and run in both browsers against the built extension.

export type BrowserName = 'chromium' | 'firefox';

/**
 * Where a card's host may be (under <html> or <body>, or wherever a page moved it: an
 * empty <div>), and what its closed root holds (lib/tooltip/tooltip-view.ts).
 */
const HOST_CANDIDATES = ':root > div, body > div, div:empty';
const CARD_SELECTOR = '[data-mars-lens-card]';

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs a script's source text in the page, as the debugging protocol does (page CSP does not apply). */
  evaluateSource(source: string): Promise<unknown>;
  /** Runs fn in the page's frame whose URL contains urlPart (cross-origin frames too). */
  evaluateInFrame<R, A = undefined>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Back in the tab's history, as the reader's Back button does. */
  goBack(): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A finger's tap (touch pointer events, then the compatibility mouse events and click). */
  tap(x: number, y: number): Promise<void>;
  /** A finger held at a point (the browser selects the word there, as a long press does on a phone). */
  longPress(x: number, y: number): Promise<void>;
  /** Emulates a phone: the viewport's size in CSS px, touch input, a mobile viewport. */
  phone(width: number, height: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /**
   * Runs fn(root, arg) in the page with the closed shadow root of the card's host (a
   * <div> under <html> or <body> whose root holds CARD_SELECTOR), which page scripts
   * cannot reach: the test harness gets it through the browser's debugging protocol.
   * Null when no card host is there. fn's result must be JSON.
   */
  inCard<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null>;
  /** How many card hosts the page holds now. */
  cardHosts(): Promise<number>;
  /**
   * Which of names the page's accessibility tree has a node of role with, as assistive
   * technology gets them (closed shadow roots included): Chromium's tree through the
   * debugging protocol, Firefox's through WebDriver BiDi's accessibility locator.
   */
  accessibleNames(role: string, names: string[]): Promise<string[]>;
  /**
   * The focused node of the accessibility tree, as a screen reader announces it (role,
   * name, description): Chromium's tree through the debugging protocol. Null in Firefox,
   * whose WebDriver gives no descriptions.
   */
  focusedAccessible(): Promise<{ role: string; name: string; description: string } | null>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** Base URL of extension pages, e.g. chrome-extension://id/ */
  extensionBase: string;
  newPage(): Promise<TestPage>;
  /** Page errors and uncaught exceptions seen so far (content scripts included). */
  errors: string[];
  /**
   * URLs of every network request seen so far: pages, frames, extension pages, and in
   * Chromium the extension's service worker too.
   */
  requests: string[];
  /**
   * Stops the extension's background as the browser does when it is idle: Chromium's
   * service worker through the debugging protocol; in Firefox (launched with
   * `backgroundIdleMs`) by waiting for the event page to be suspended.
   */
  stopBackground(): Promise<void>;
  /** Whether the extension's background is running now. */
  backgroundRunning(): Promise<boolean>;
  /**
   * Reloads the extension as an update does: Chromium through chrome://extensions
   * (developer mode), Firefox by installing the temporary add-on again.
   */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Puts the built Firefox add-on into a profile's extensions folder, packed as Firefox
 * wants it (web-ext build), for `installedInProfile`.
 */
export function installInProfile(profileDir: string): void {
  const out = mkdtempSync(join(tmpdir(), 'mars-lens-xpi-'));
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', EXTENSION_DIRS.firefox, '--artifacts-dir', out, '--no-config-discovery'],
    { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, stdio: 'ignore' },
  );
  const [zip] = readdirSync(out).filter((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('web-ext build made no package');
  mkdirSync(join(profileDir, 'extensions'), { recursive: true });
  copyFileSync(join(out, zip), join(profileDir, 'extensions', `${FIREFOX_ID}.xpi`));
  rmSync(out, { recursive: true, force: true });
}

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv2'),
};

// Firefox gives each profile a random moz-extension UUID; a fixed one lets tests
// open extension pages by URL.
export const FIREFOX_ID = 'mars-lens@mars-lens.org';
const FIREFOX_UUID = '6d1f9a3e-3b1c-4b8e-9c57-0a5a7e2f11aa';

export interface LaunchOptions {
  profileDir?: string;
  /** False for a plain browser: the "run without the extension" to compare against. */
  extension?: boolean;
  /** The reader's light or dark preference, as pages see it in prefers-color-scheme. */
  colorScheme?: 'light' | 'dark';
  /** Keep the back/forward cache on (Playwright turns it off by default). */
  bfcache?: boolean;
  /** Firefox: suspend the idle event page after this long (ms) instead of 30 s. */
  backgroundIdleMs?: number;
  /**
   * Firefox: the add-on is installed for good in the profile (its package put in the
   * profile's extensions folder before the first launch), not as a temporary add-on
   * each launch: a restart is then a restart, not a new install.
   */
  installedInProfile?: boolean;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

const notForPlain = async () => {
  throw new Error('no extension in this browser');
};

async function launchChromium(options: LaunchOptions): Promise<TestBrowser> {
  const { profileDir = '', extension = true, colorScheme = 'light' } = options;
  const dir = extension ? EXTENSION_DIRS.chromium : null;
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumWithExtension(dir, { headless: true }),
    colorScheme,
    ...(options.bfcache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
  const errors: string[] = [];
  const requests: string[] = [];
  const watch = (page: PwPage) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('request', (r) => requests.push(r.url()));
  if (!extension) {
    return {
      name: 'chromium',
      extensionBase: '',
      errors,
      requests,
      newPage: async () => wrapPlaywright(await context.newPage()),
      stopBackground: notForPlain,
      backgroundRunning: notForPlain,
      reloadExtension: notForPlain,
      close: () => closeContext(context),
    };
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  // Through the tab the browser opened with: opening a tab for this would itself wake
  // the worker (it listens to tab updates).
  const first = context.pages()[0] ?? (await context.newPage());
  const withCdp = async <T>(use: (cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>) => Promise<T>) => {
    const cdp = await context.newCDPSession(first);
    try {
      return await use(cdp);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
  const running = () =>
    withCdp(async (cdp) => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      return targetInfos.some(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
      );
    });
  return {
    name: 'chromium',
    extensionBase: `chrome-extension://${extensionId}/`,
    errors,
    requests,
    newPage: async () => wrapPlaywright(await context.newPage()),
    stopBackground: async () => {
      await withCdp(async (cdp) => {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      });
      const end = Date.now() + 5000;
      while ((await running()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (await running()) throw new Error('the service worker did not stop');
    },
    backgroundRunning: running,
    reloadExtension: async () => {
      const page = await context.newPage();
      await page.goto('chrome://extensions');
      const restarted = context.waitForEvent('serviceworker', { timeout: 20_000 });
      await page.evaluate(async (id) => {
        const dev = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome
          .developerPrivate;
        await new Promise<void>((r) => dev.updateProfileConfiguration({ inDeveloperMode: true }, r));
        await new Promise<void>((r) => dev.reload(id, { failQuietly: true }, r));
      }, extensionId);
      await restarted;
      await page.close();
    },
    close: () => closeContext(context),
  };
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
}

async function closeContext(context: BrowserContext) {
  await context.close();
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function wrapPlaywright(page: PwPage): TestPage {
  return {
    ...cardAccess(async (use) => {
      const cdp = await page.context().newCDPSession(page);
      try {
        // Only the candidates' own nodes, not the whole tree (a 10,000-deep page
        // overflows the protocol's encoder).
        const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: HOST_CANDIDATES });
        const roots: string[] = [];
        for (const nodeId of nodeIds) {
          // A candidate may leave the page meanwhile (a card closing): it is no host then.
          const described = (await cdp
            .send('DOM.describeNode', { nodeId, depth: 1, pierce: true })
            .catch(() => null)) as {
            node: CdpNode;
          } | null;
          const shadow = described?.node.shadowRoots?.[0];
          if (!shadow) continue;
          const resolved = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId }).catch(() => null);
          if (resolved?.object.objectId) roots.push(resolved.object.objectId);
        }
        return await use(async (fn, arg) => {
          const results: unknown[] = [];
          for (const objectId of roots) {
            const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
              objectId,
              functionDeclaration: `function (arg) { return this.host.isConnected && this.querySelector(${JSON.stringify(CARD_SELECTOR)}) ? JSON.stringify([(${fn})(this, arg)]) : '[]'; }`,
              arguments: [{ value: arg }],
              returnByValue: true,
              awaitPromise: true,
            });
            if (exceptionDetails) throw new Error(`inCard failed: ${JSON.stringify(exceptionDetails)}`);
            results.push(...(JSON.parse(result.value as string) as unknown[]));
          }
          return results;
        });
      } finally {
        await cdp.detach();
      }
    }),
    focusedAccessible: async () => {
      const cdp = await page.context().newCDPSession(page);
      try {
        type AxValue = { value?: unknown };
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: {
            ignored: boolean;
            role?: AxValue;
            name?: AxValue;
            description?: AxValue;
            properties?: { name: string; value: AxValue }[];
          }[];
        };
        // The deepest focused node (the document's root area counts as focused too).
        const focused = nodes
          .filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'focused' && p.value.value === true))
          .at(-1);
        return focused
          ? {
              role: String(focused.role?.value ?? ''),
              name: String(focused.name?.value ?? ''),
              description: String(focused.description?.value ?? ''),
            }
          : null;
      } finally {
        await cdp.detach();
      }
    },
    accessibleNames: async (role, names) => {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
        };
        const found = new Set(
          nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? ''),
        );
        return names.filter((n) => found.has(n));
      } finally {
        await cdp.detach();
      }
    },
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateSource: (source) => page.evaluate(source),
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = page.frames().find((f) => f.url().includes(urlPart));
      if (!frame) throw new Error(`no frame at ${urlPart}`);
      return frame.evaluate(fn as never, arg) as never;
    },
    goBack: async () => void (await page.goBack({ waitUntil: 'commit' })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    tap: async (x, y) => {
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } finally {
        await cdp.detach();
      }
    },
    longPress: async (x, y) => {
      // What a long press ends in: the word under the finger selected, after a touch.
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await new Promise((r) => setTimeout(r, 800));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } finally {
        await cdp.detach();
      }
    },
    phone: async (width, height) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 2, mobile: true });
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      // (Kept attached: the overrides last as long as the session.)
    },
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

async function launchFirefox(options: LaunchOptions): Promise<TestBrowser> {
  const { profileDir = '', extension = true, colorScheme = 'light' } = options;
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
      // What prefers-color-scheme says to pages: 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      ...(options.backgroundIdleMs ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
      // Firefox ESR runs unsigned add-ons when asked, and enables one found in the profile.
      ...(options.installedInProfile
        ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 }
        : {}),
    },
  });
  const id =
    extension && !options.installedInProfile ? await browser.installExtension(EXTENSION_DIRS.firefox) : FIREFOX_ID;
  if (id !== FIREFOX_ID) throw new Error(`Firefox installed the extension as ${id}, expected ${FIREFOX_ID}`);
  const errors: string[] = [];
  const requests: string[] = [];
  const base = `moz-extension://${FIREFOX_UUID}/`;
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('request', (r) => void requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    return wrapPuppeteer(page, browser);
  };
  // Asked from a tab showing the settings page, opened once and kept (opening a tab
  // wakes the event page, which listens to tab updates; the settings page sends it
  // nothing): background views are listed without waking a suspended event page.
  let probe: TestPage | undefined;
  const running = async () => {
    if (!probe) {
      probe = await newPage();
      await probe.goto(`${base}options.html`);
    }
    return probe.evaluate(() => {
      const ext = (globalThis as unknown as { browser: { extension: { getViews(q: object): unknown[] } } }).browser;
      // Every view of the extension, the background page among them while it runs.
      return ext.extension.getViews({}).some((view) => (view as Window).location.pathname.includes('background'));
    });
  };
  return {
    name: 'firefox',
    extensionBase: base,
    errors,
    requests,
    newPage,
    stopBackground: async () => {
      if (!options.backgroundIdleMs)
        throw new Error('launch Firefox with backgroundIdleMs to have its event page stop');
      const end = Date.now() + options.backgroundIdleMs * 3 + 10_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, options.backgroundIdleMs! + 500));
        if (!(await running())) return;
        if (Date.now() > end) throw new Error('the event page was not suspended');
      }
    },
    backgroundRunning: running,
    reloadExtension: async () => {
      const id = await browser.installExtension(EXTENSION_DIRS.firefox);
      if (id !== FIREFOX_ID) throw new Error(`Firefox reinstalled the extension as ${id}`);
    },
    close: () => browser.close(),
  };
}

/** A JSON value as a WebDriver BiDi local value. */
function serializeBidi(value: unknown): object {
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (Array.isArray(value)) return { type: 'array', value: value.map(serializeBidi) };
  return { type: 'object', value: Object.entries(value as object).map(([k, v]) => [k, serializeBidi(v)]) };
}

type CardCall = (fn: string, arg: unknown) => Promise<unknown[]>;

/** inCard and cardHosts, given a way to run a function in every card host's root. */
function cardAccess(
  withRoots: (use: (call: CardCall) => Promise<unknown>) => Promise<unknown>,
): Pick<TestPage, 'inCard' | 'cardHosts'> {
  return {
    inCard: async (fn, arg) => {
      const results = (await withRoots((call) => call(fn.toString(), arg))) as unknown[];
      return (results.at(-1) ?? null) as never;
    },
    cardHosts: async () => ((await withRoots((call) => call('() => 1', undefined))) as unknown[]).length,
  };
}

interface BidiRemote {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: BidiRemote | null } | string;
}
type BidiSend = (method: string, params: object) => Promise<{ result: { type: string; result?: BidiRemote } }>;

function wrapPuppeteer(page: PpPage, browser: PpBrowser): TestPage {
  return {
    ...cardAccess(async (use) => {
      // WebDriver BiDi serializes closed shadow roots on request (includeShadowTree:
      // 'all') and lets a later call take one as an argument by its sharedId.
      const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const found = await connection.send('script.callFunction', {
        functionDeclaration: `(selector) => [...document.querySelectorAll(selector)]`,
        arguments: [{ type: 'string', value: HOST_CANDIDATES }],
        target: { context },
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      const hosts = (found.result.result?.value ?? []) as unknown as BidiRemote[];
      const roots = hosts.flatMap((host) => {
        const shadow = typeof host.value === 'object' ? host.value?.shadowRoot : undefined;
        return shadow?.sharedId ? [shadow.sharedId] : [];
      });
      return use(async (fn, arg) => {
        const results: unknown[] = [];
        for (const sharedId of roots) {
          const { result } = await connection.send('script.callFunction', {
            functionDeclaration: `(root, arg) => root.host.isConnected && root.querySelector(${JSON.stringify(CARD_SELECTOR)}) ? JSON.stringify([(${fn})(root, arg)]) : '[]'`,
            arguments: [{ sharedId }, arg === undefined ? { type: 'undefined' } : serializeBidi(arg)],
            target: { context },
            awaitPromise: true,
          });
          if (result.type !== 'success') {
            // A host that left the page meanwhile (a card closing) is no host.
            if (JSON.stringify(result).includes('no such node')) continue;
            throw new Error(`inCard failed: ${JSON.stringify(result)}`);
          }
          results.push(...(JSON.parse(result.result!.value as string) as unknown[]));
        }
        return results;
      });
    }),
    focusedAccessible: async () => null,
    accessibleNames: async (role, names) => {
      const connection = (browser as unknown as { connection: { send: BidiSend } }).connection;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const found: string[] = [];
      for (const name of names) {
        const { result } = (await connection.send('browsingContext.locateNodes', {
          context,
          locator: { type: 'accessibility', value: { role, name } },
        })) as unknown as { result: { nodes: unknown[] } };
        if (result.nodes.length) found.push(name);
      }
      return found;
    },
    goto: async (url) => {
      if (!url.startsWith('moz-extension:')) return void (await page.goto(url, { waitUntil: 'load' }));
      // Firefox's remote agent never reports the load of an extension page (the
      // navigation command hangs), so start it and watch the document instead.
      // A poll that lands mid-navigation can fail inside the remote agent; poll again.
      page.goto(url).catch(() => undefined);
      const end = Date.now() + 15_000;
      for (;;) {
        const loaded = await page
          .evaluate((u: string) => location.href === u && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) return;
        if (Date.now() > end) throw new Error(`Firefox did not load ${url} within 15 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateSource: (source) => page.evaluate(source),
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = page.frames().find((f) => f.url().includes(urlPart));
      if (!frame) throw new Error(`no frame at ${urlPart}`);
      return frame.evaluate(fn as never, arg) as never;
    },
    goBack: async () => {
      // A page back from the back/forward cache fires no load event, which goBack() waits for.
      const before = await page.evaluate(() => location.href);
      page.goBack().catch(() => undefined);
      const end = Date.now() + 15_000;
      for (;;) {
        const back = await page
          .evaluate((u: string) => location.href !== u && document.readyState === 'complete', before)
          .catch(() => false);
        if (back) return;
        if (Date.now() > end) throw new Error('Firefox did not go back within 15 s');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    // Touch pointer actions over WebDriver BiDi.
    tap: (x, y) => page.touchscreen.tap(x, y),
    longPress: async (x, y) => {
      await page.touchscreen.touchStart(x, y);
      await new Promise((r) => setTimeout(r, 800));
      await page.touchscreen.touchEnd();
    },
    phone: (width, height) => page.setViewport({ width, height }),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => page.close(),
  };
}
