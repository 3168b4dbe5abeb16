import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, validateSettings, type Settings } from '../settings/settings';

// Where settings live: one versioned item in sync storage (it follows the reader
// across their browsers). Whatever is stored is validated on every read, so a
// corrupt or hand-edited value degrades field by field, never to nothing.

const item = storage.defineItem<unknown>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export async function loadSettings(): Promise<Settings> {
  return validateSettings(await item.getValue()).settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(validateSettings(settings).settings);
}

/** Calls cb with the validated settings whenever they change (in any context). */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return item.watch((value) => cb(validateSettings(value).settings));
}
