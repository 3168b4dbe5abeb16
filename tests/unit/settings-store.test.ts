import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, loadSettingsPlace, saveSettings, watchSettings } from '../../lib/browser/settings-store';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../lib/settings/settings';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and loads', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['example.com'], paused: true });
    expect(await loadSettings()).toMatchObject({ sites: ['example.com'], paused: true });
  });

  it('reads a corrupt stored value field by field, keeping the site list', async () => {
    await fakeBrowser.storage.sync.set({ settings: { sites: ['a.org', 12], markStyle: 'neon' } });
    // 12 is not a site and goes; the rest of the list survives, and a bad style too.
    expect((await loadSettings()).sites).toEqual(['a.org']);
    await fakeBrowser.storage.sync.set({ settings: { sites: ['a.org'], markStyle: 'neon' } });
    expect(await loadSettings()).toMatchObject({ sites: ['a.org'], markStyle: 'underline' });
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.sync.set({ settings: { sites: ['a.org'], muted: [{ site: 'a.org' }, 'x'] } });
    expect(await loadSettings()).toMatchObject({ sites: ['a.org'], muted: [] });
  });

  it('migrates version 1 settings, keeping every field', async () => {
    const v1 = { mode: 'only-listed', sites: ['a.org', 'b.net'], paused: false, markStyle: 'background' };
    await fakeBrowser.storage.sync.set({ settings: v1, settings$: { v: 1 } });
    // Storage items migrate when they are defined, as when the extension starts.
    vi.resetModules();
    const fresh = await import('../../lib/browser/settings-store');
    expect(await fresh.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, ...v1, muted: [] });
    // The stored value itself was migrated, and its version recorded.
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ sites: ['a.org', 'b.net'], muted: [] });
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('migrates version 2 settings: the site list keeps its meaning, with no exceptions yet', async () => {
    const v2 = { mode: 'all-except-listed', sites: ['example.com'], muted: [], hoverDelayMs: 300 };
    await fakeBrowser.storage.sync.set({ settings: v2, settings$: { v: 2 } });
    vi.resetModules();
    const fresh = await import('../../lib/browser/settings-store');
    expect(await fresh.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, ...v2, exceptions: [] });
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ sites: ['example.com'], exceptions: [] });
    expect(stored.settings$).toEqual({ v: 3 });
  });

  it('a corrupt version 1 value survives migration as defaults', async () => {
    await fakeBrowser.storage.sync.set({ settings: 42, settings$: { v: 1 } });
    vi.resetModules();
    const fresh = await import('../../lib/browser/settings-store');
    expect(await fresh.loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to local storage when sync storage refuses (quota), and back to sync when it fits', async () => {
    const big: Settings = {
      ...DEFAULT_SETTINGS,
      sites: Array.from({ length: 900 }, (_, i) => `site-${i}.example.org`),
    };
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect(await saveSettings(big)).toEqual({ area: 'local', reason: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    expect(set).toHaveBeenCalled();
    expect((await loadSettings()).sites).toHaveLength(900);
    expect(await loadSettingsPlace()).toMatchObject({ area: 'local' });

    // A smaller list fits in sync again; the local copy goes.
    expect(await saveSettings({ ...big, sites: ['a.org'] })).toEqual({ area: 'sync' });
    expect((await loadSettings()).sites).toEqual(['a.org']);
    expect(await loadSettingsPlace()).toEqual({ area: 'sync' });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('tells watchers about changes in either area, validated', async () => {
    const seen: string[][] = [];
    const stop = watchSettings((s) => seen.push(s.sites));
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['b.org'] });
    await until(() => seen.length >= 1);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('quota'));
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['c.org'] });
    await until(() => seen.length >= 2);
    stop();
    expect(seen).toEqual([['b.org'], ['c.org']]);
  });
});
