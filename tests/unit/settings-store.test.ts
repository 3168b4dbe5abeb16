import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../lib/browser/settings-store';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

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
  });

  it('tells watchers about changes, validated', async () => {
    const seen: string[][] = [];
    const stop = watchSettings((s) => seen.push(s.sites));
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['b.org'] });
    stop();
    expect(seen).toEqual([['b.org']]);
  });
});
