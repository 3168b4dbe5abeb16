import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCommands } from '../../lib/browser/commands';
import { LOOK_UP, registerContextMenu } from '../../lib/browser/context-menu';
import { registerOpenEntity } from '../../lib/browser/open-entity';
import { loadSettings, saveSettings } from '../../lib/browser/settings-store';
import { registerTabTerms } from '../../lib/browser/tab-terms';
import { registerTermService } from '../../lib/browser/term-service';
import { factBase } from '../../lib/facts/bundle';
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
  it('counts distinct terms across frames on the badge, answers the popup, and starts over on a new page', async () => {
    registerTabTerms();
    const tab = { id: 5, index: 0 };
    await messaging.fromContent(
      'termsFound',
      [
        { id: 'pixl', count: 2 },
        { id: 'jpl', count: 1 },
      ],
      { tab, frameId: 0 },
    );
    await messaging.fromContent(
      'termsFound',
      [
        { id: 'pixl', count: 1 },
        { id: 'mars', count: 4 },
      ],
      { tab, frameId: 3 },
    );
    await messaging.fromContent('termsFound', [], { tab, frameId: 7 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    expect(await messaging.fromContent('tabTerms', 5, {})).toEqual([
      {
        frameId: 0,
        terms: [
          { id: 'pixl', count: 2 },
          { id: 'jpl', count: 1 },
        ],
      },
      {
        frameId: 3,
        terms: [
          { id: 'pixl', count: 1 },
          { id: 'mars', count: 4 },
        ],
      },
    ]);
    // A frame that stops (site switched off) reports nothing; the badge follows.
    await messaging.fromContent('termsFound', [], { tab, frameId: 0 });
    await messaging.fromContent('termsFound', [], { tab, frameId: 3 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    await messaging.fromContent('termsFound', [{ id: 'pixl', count: 1 }], { tab, frameId: 0 });
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, {} as never);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect(await messaging.fromContent('tabTerms', 5, {})).toEqual([]);
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
    const create = vi.fn();
    const onClicked = fakeEvent<[object, object | undefined]>();
    api.contextMenus = { create, onClicked };
    registerContextMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(create).toHaveBeenCalledWith({ id: LOOK_UP, title: 'Look up “%s” in Mars Lens', contexts: ['selection'] });

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
  const register = () => {
    if (!registered) registerTermService(factBase);
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
});
