import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCommands } from '../../lib/browser/commands';
import { LOOK_UP, registerContextMenu } from '../../lib/browser/context-menu';
import { registerOpenEntity } from '../../lib/browser/open-entity';
import { loadSettings, saveSettings } from '../../lib/browser/settings-store';
import { registerTabTerms } from '../../lib/browser/tab-terms';
import type { Library } from '../../lib/browser/library-service';
import { registerTermService } from '../../lib/browser/term-service';
import { factBase } from '../../lib/facts/bundle';
import { libraryEntities, type ArticleCard } from '../../lib/library/library';
import { decodeMatches } from '../../lib/match/term-finder';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { fakeEvent, installChromeMessaging, type ChromeMessaging } from '../support/chrome-messaging';

// The background's wiring, with the fake browser: what each registered listener does
// when the browser or a content script calls it.

const api = fakeBrowser as unknown as Record<string, unknown>;
// Installed once: the messaging library adds its one root listener on first use.
const messaging: ChromeMessaging = installChromeMessaging();

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  messaging.tab = () => undefined;
});

/** A tab showing url that tabs.query reports as the active one. */
async function activeTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
  return tab;
}

describe('tab terms', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());
  const r = (doc: string, ...ids: [string, number][]) => ({ doc, terms: ids.map(([id, count]) => ({ id, count })) });

  it('counts distinct terms across frames on the badge, answers the popup, and starts over on a new page', async () => {
    stop = registerTabTerms();
    const tab = { id: 5, index: 0 };
    // Every frame listed is still there (it answers with its document's token).
    const docs: Record<number, string> = { 0: 'top', 3: 'ad' };
    messaging.tab = (_tabId, message, frameId) => (message.type === 'frameDoc' ? docs[frameId ?? 0] : undefined);
    await messaging.fromContent('termsFound', r('top', ['pixl', 2], ['jpl', 1]), { tab, frameId: 0 });
    await messaging.fromContent('termsFound', r('ad', ['pixl', 1], ['mars', 4]), { tab, frameId: 3 });
    await messaging.fromContent('termsFound', r('empty'), { tab, frameId: 7 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    const both = [
      { frameId: 0, terms: r('top', ['pixl', 2], ['jpl', 1]).terms },
      { frameId: 3, terms: r('ad', ['pixl', 1], ['mars', 4]).terms },
    ];
    expect(await messaging.fromContent('tabTerms', 5, {})).toEqual(both);
    // A frame that stops (site switched off) reports nothing; the badge follows.
    await messaging.fromContent('termsFound', r('top'), { tab, frameId: 0 });
    await messaging.fromContent('termsFound', r('ad'), { tab, frameId: 3 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    await messaging.fromContent('termsFound', r('top', ['pixl', 1]), { tab, frameId: 0 });
    // An iframe loading (Chromium says "loading" for the tab) is not a new page.
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
    // Another URL whose page is the same document (back from the cache, an app's own
    // navigation): it answers with its token and keeps its terms.
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading', url: 'https://a.org/back' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
    // Another page: the frame now holds another document (or none that answers).
    docs[0] = 'next page';
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading', url: 'https://b.org/' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect(await messaging.fromContent('tabTerms', 5, {})).toEqual([]);
  });

  it('keeps the state in session storage, so a restarted worker answers the popup as the old one would', async () => {
    stop = registerTabTerms();
    const tab = { id: 9, index: 0 };
    messaging.tab = (_tabId, message) => (message.type === 'frameDoc' ? 'top' : undefined);
    await messaging.fromContent('termsFound', r('top', ['jezero', 3]), { tab, frameId: 0 });
    const stored = await fakeBrowser.storage.session.get(null);
    expect(stored).toEqual({ 'tab-terms:9': { 0: r('top', ['jezero', 3]) } });
    // What a new worker finds: only storage (this test's listeners read nothing else).
    await fakeBrowser.storage.session.set({ 'tab-terms:9': { 0: r('top', ['pixl', 1]) } });
    expect(await messaging.fromContent('tabTerms', 9, {})).toEqual([
      { frameId: 0, terms: r('top', ['pixl', 1]).terms },
    ]);
    await fakeBrowser.tabs.onRemoved.trigger(9, {} as never);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // A report that comes after its tab closed does not bring it back.
    await messaging.fromContent('termsFound', r('top', ['pixl', 1]), { tab, frameId: 0 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('drops frames that went away without a word when the popup asks', async () => {
    stop = registerTabTerms();
    const tab = { id: 4, index: 0 };
    await messaging.fromContent('termsFound', r('top', ['nasa', 1]), { tab, frameId: 0 });
    await messaging.fromContent('termsFound', r('gone', ['pixl', 1]), { tab, frameId: 2 });
    await messaging.fromContent('termsFound', r('replaced', ['jpl', 1]), { tab, frameId: 5 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('3');
    messaging.tab = (_tabId, message, frameId) => {
      if (message.type !== 'frameDoc') return undefined;
      if (frameId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return frameId === 5 ? 'another document' : 'top';
    };
    expect(await messaging.fromContent('tabTerms', 4, {})).toEqual([
      { frameId: 0, terms: r('top', ['nasa', 1]).terms },
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('1');
  });

  it('checks the frames when a page finishes loading, or when a page says it removed frames', async () => {
    stop = registerTabTerms();
    const tab = { id: 8, index: 0 };
    let alive = new Set([0, 2, 3]);
    messaging.tab = (_tabId, message, frameId) => {
      if (message.type !== 'frameDoc' || !alive.has(frameId ?? 0)) throw new Error('Receiving end does not exist.');
      return `doc${frameId}`;
    };
    for (const frameId of [0, 2, 3])
      await messaging.fromContent('termsFound', r(`doc${frameId}`, [`t${frameId}`, 1]), { tab, frameId });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('3');
    // A reload: "loading" without a URL leaves them; "complete" finds the old frames gone.
    alive = new Set([0, 3]);
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'loading' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('3');
    // A page removed a frame.
    await messaging.fromContent('framesRemoved', undefined, { tab, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('2');
    alive = new Set([0]);
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'complete' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('1');
  });

  it('refuses reports of the wrong shape', async () => {
    stop = registerTabTerms();
    const tab = { id: 6, index: 0 };
    await messaging.fromContent('termsFound', [{ id: 'pixl', count: 1 }], { tab, frameId: 0 });
    await messaging.fromContent('termsFound', { doc: 1, terms: [] }, { tab, frameId: 0 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('commands', () => {
  it("Alt+Shift+M switches the active tab's site off and on, asking the page for its URL", async () => {
    const onCommand = fakeEvent<[string]>();
    api.commands = { onCommand };
    const tab = await activeTab('https://news.example.com/a');
    const asked: string[] = [];
    messaging.tab = (tabId, message, frameId) => {
      asked.push(`${tabId}:${frameId}:${message.type}`);
      return message.type === 'pageInfo' ? { url: 'https://news.example.com/a' } : undefined;
    };
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['other.org'] });
    registerCommands();
    await onCommand.trigger('toggle-site');
    expect((await loadSettings()).sites).toEqual(['other.org', 'news.example.com']);
    await onCommand.trigger('toggle-site');
    expect((await loadSettings()).sites).toEqual(['other.org']);
    expect(asked).toEqual([`${tab.id}:0:pageInfo`, `${tab.id}:0:pageInfo`]);
  });

  it("next and previous term go to the active tab's top frame", async () => {
    const onCommand = fakeEvent<[string]>();
    api.commands = { onCommand };
    const tab = await activeTab('https://a.org/');
    const asked: string[] = [];
    messaging.tab = (tabId, message, frameId) => void asked.push(`${tabId}:${frameId}:${message.type}:${message.data}`);
    registerCommands();
    await onCommand.trigger('next-term');
    await onCommand.trigger('previous-term');
    await onCommand.trigger('unknown');
    expect(asked).toEqual([`${tab.id}:0:stepTerm:1`, `${tab.id}:0:stepTerm:-1`]);
  });

  it('a page where Mars Lens does not run has no site to switch', async () => {
    const onCommand = fakeEvent<[string]>();
    api.commands = { onCommand };
    await activeTab('chrome://settings');
    messaging.tab = () => undefined;
    registerCommands();
    await onCommand.trigger('toggle-site');
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('context menu', () => {
  it('"Look up in Mars Lens" appears on selections and opens the popup\'s search beside the tab', async () => {
    const onClicked = fakeEvent<[object, object | undefined]>();
    const removeAll = vi.fn(async () => undefined);
    api.contextMenus = { create: vi.fn((_item, done: () => void) => done()), removeAll, onClicked };
    // Made whenever the background starts, removing any earlier one first (Firefox keeps
    // none across a browser restart, where onInstalled does not fire).
    registerContextMenu();
    const made = (api.contextMenus as { create: ReturnType<typeof vi.fn> }).create;
    await vi.waitFor(() => expect(made).toHaveBeenCalledTimes(1));
    expect(made.mock.calls[0]![0]).toEqual({
      id: LOOK_UP,
      title: 'Look up “%s” in Mars Lens',
      contexts: ['selection'],
    });
    expect(removeAll.mock.invocationCallOrder[0]).toBeLessThan(made.mock.invocationCallOrder[0]!);

    const tab = await fakeBrowser.tabs.create({ url: 'https://a.org/' });
    await onClicked.trigger({ menuItemId: LOOK_UP, selectionText: '  Jazero\n crater ' }, tab);
    await onClicked.trigger({ menuItemId: 'other', selectionText: 'x' }, tab);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean);
    expect(urls).toEqual(['https://a.org/', fakeBrowser.runtime.getURL('/popup.html?q=Jazero%20crater')]);
  });
});

describe('open entity', () => {
  it('"Open in Mars Lens" opens the entity in a tab next to the page', async () => {
    registerOpenEntity();
    const tab = await fakeBrowser.tabs.create({ url: 'https://a.org/' });
    await messaging.fromContent('openEntity', 'pixl', { tab });
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(
      fakeBrowser.runtime.getURL('/popup.html?entity=pixl'),
    );
  });
});

describe('the term service (every frame asks the background)', () => {
  // The messaging library allows one listener per message in a context: registered once.
  let registered = false;
  // The library in memory (the real one is IndexedDB, in the browser: e2e tests).
  let saved: ArticleCard[] = [];
  let revision = 0;
  const changes: (() => void)[] = [];
  const library: Library = {
    cards: async () => saved,
    entities: async () => libraryEntities(saved, factBase.entities),
    revision: async () => revision,
    onChange: (fn) => changes.push(fn),
  };
  const setLibrary = (cards: ArticleCard[]) => {
    saved = cards;
    revision++;
    changes.forEach((fn) => fn());
  };
  const register = () => {
    if (!registered) registerTermService(factBase, library);
    registered = true;
  };
  it('tells a frame its config, or null on a switched-off site, and follows changes', async () => {
    register();
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['off.example'] });
    expect(await messaging.fromContent('frameConfig', 'https://news.example.com/a', {})).toMatchObject({
      markStyle: 'underline',
      muted: [],
    });
    expect(await messaging.fromContent('frameConfig', 'https://www.off.example/b', {})).toBeNull();
    await saveSettings({ ...DEFAULT_SETTINGS, paused: true });
    expect(await messaging.fromContent('frameConfig', 'https://news.example.com/a', {})).toBeNull();
  });

  it('finds the terms of each text, leaving out what the reader muted on the site', async () => {
    register();
    const texts = ['PIXL looked at Jezero.', 'Nothing here.'];
    const all = decodeMatches((await messaging.fromContent('findTerms', { texts, muted: [] }, {})) as never, 2);
    expect(all.map((list) => list.map((m) => m.entityId))).toEqual([['pixl', 'jezero-crater'], []]);
    const muted = [{ site: 'a.org', entityId: 'pixl', reason: 'not-on-site' }];
    const some = decodeMatches((await messaging.fromContent('findTerms', { texts, muted }, {})) as never, 2);
    expect(some.map((list) => list.map((m) => m.entityId))).toEqual([['jezero-crater'], []]);
  });

  it('makes cards, and remembers feedback sent from one', async () => {
    register();
    expect(await messaging.fromContent('card', { entityId: 'pixl', onPage: ['pixl'] }, {})).toMatchObject({
      entityId: 'pixl',
      category: 'Instrument',
    });
    expect(await messaging.fromContent('card', { entityId: 'nope', onPage: [] }, {})).toBeNull();
    await saveSettings({ ...DEFAULT_SETTINGS });
    await messaging.fromContent(
      'muteTerm',
      { url: 'https://news.example.com/x', term: { entityId: 'pixl', reason: 'not-on-site' } },
      {},
    );
    expect((await loadSettings()).muted).toEqual([
      { site: 'news.example.com', entityId: 'pixl', reason: 'not-on-site' },
    ]);
  });

  it('marks the library’s saved terms and quotes saved articles in cards, until they are deleted', async () => {
    register();
    await saveSettings({ ...DEFAULT_SETTINGS });
    const text =
      'Scanning Habitable Environments with Raman & Luminescence for Organics & Chemicals (SHERLOC) sits by PIXL.';
    const article: ArticleCard = {
      id: 'a-1',
      url: 'https://news.example.org/sherloc',
      title: 'SHERLOC',
      site: 'Example News',
      byline: '',
      published: '2021-03-04',
      savedAt: '2026-12-01T00:00:00.000Z',
      terms: [
        {
          id: 'lib-sherloc',
          name: 'Scanning Habitable Environments with Raman & Luminescence for Organics & Chemicals',
          aliases: ['SHERLOC'],
          definition: text,
        },
      ],
      quotes: [{ text, entities: ['lib-sherloc', 'pixl'] }],
    };
    const find = async () =>
      decodeMatches(
        (await messaging.fromContent('findTerms', { texts: ['SHERLOC and PIXL at Jezero.'], muted: [] }, {})) as never,
        1,
      )[0]!.map((m) => m.entityId);
    expect(await find()).toEqual(['pixl', 'jezero-crater']);
    setLibrary([article]);
    expect(await find()).toEqual(['lib-sherloc', 'pixl', 'jezero-crater']);
    const card = (await messaging.fromContent('card', { entityId: 'pixl', onPage: ['pixl'] }, {})) as {
      reading: unknown[];
    };
    expect(card.reading).toEqual([
      { quote: text, title: 'SHERLOC', site: 'Example News', published: '2021-03-04', url: article.url },
    ]);
    expect(await messaging.fromContent('card', { entityId: 'lib-sherloc', onPage: [] }, {})).toMatchObject({
      name: article.terms[0]!.name,
      category: 'From your reading',
    });
    // Deleted: gone from marking and cards.
    setLibrary([]);
    expect(await find()).toEqual(['pixl', 'jezero-crater']);
    expect(await messaging.fromContent('card', { entityId: 'lib-sherloc', onPage: [] }, {})).toBeNull();
  });
});
