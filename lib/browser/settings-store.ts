import { storage } from '@wxt-dev/storage';
import { MIGRATIONS } from '../settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, validateSettings, type Settings } from '../settings/settings';

// Where settings live: one versioned item in sync storage, so they follow the reader
// across their browsers. Sync storage has a small per-item quota (8 KB in Chrome and
// Firefox); settings that outgrow it (a long site list) are kept in local storage
// instead, and `settingsPlace` says so, for the options page to tell the reader.
// Whatever is stored is validated on every read, so a corrupt or hand-edited value
// degrades field by field, never to nothing.

const options = { fallback: DEFAULT_SETTINGS, version: SETTINGS_VERSION, migrations: MIGRATIONS };
const syncItem = storage.defineItem<unknown>('sync:settings', options);
const localItem = storage.defineItem<unknown>('local:settings', options);

export interface SettingsPlace {
  area: 'sync' | 'local';
  /** Why the settings are not in sync storage (the browser's words). */
  reason?: string;
}

const placeItem = storage.defineItem<SettingsPlace>('local:settingsPlace', { fallback: { area: 'sync' } });

async function place(): Promise<SettingsPlace> {
  const p = await placeItem.getValue();
  return p && p.area === 'local' ? p : { area: 'sync' };
}

export async function loadSettings(): Promise<Settings> {
  // All three at once: the popup waits on this before it can draw the site switch.
  const [where, synced, local] = await Promise.all([place(), syncItem.getValue(), localItem.getValue()]);
  return validateSettings(where.area === 'local' ? local : synced).settings;
}

export function loadSettingsPlace(): Promise<SettingsPlace> {
  return place();
}

/** Saves to sync storage, or to local storage when sync refuses (quota); never loses the value. */
export async function saveSettings(settings: Settings): Promise<SettingsPlace> {
  const value = validateSettings(settings).settings;
  try {
    await syncItem.setValue(value);
  } catch (e) {
    const where: SettingsPlace = { area: 'local', reason: e instanceof Error ? e.message : String(e) };
    await localItem.setValue(value);
    await placeItem.setValue(where);
    return where;
  }
  if ((await place()).area === 'local') {
    await placeItem.setValue({ area: 'sync' });
    await localItem.removeValue();
  }
  return { area: 'sync' };
}

/** Calls cb with the validated settings whenever they change (in any context, in either area). */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  // A save that falls back to local storage changes several items; a value is passed
  // on only when it differs from the one passed on before.
  // Reads may finish out of order (a fallback write changes the value, then the place):
  // only the read after the latest change is passed on, so a stale one never wins.
  let last = '';
  let asked = 0;
  const reload = () => {
    const n = ++asked;
    void loadSettings().then((s) => {
      if (n !== asked) return;
      const key = JSON.stringify(s);
      if (key !== last) cb(s);
      last = key;
    });
  };
  const stops = [syncItem.watch(reload), localItem.watch(reload), placeItem.watch(reload)];
  return () => stops.forEach((stop) => stop());
}

/** Calls cb when the settings move between sync and local storage. */
export function watchSettingsPlace(cb: (place: SettingsPlace) => void): () => void {
  return placeItem.watch(() => void place().then(cb));
}

/** Reads, changes and saves the settings (for one-step changes such as muting a term). */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<SettingsPlace> {
  return saveSettings(change(await loadSettings()));
}
