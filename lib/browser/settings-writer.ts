import { rebase } from '../settings/rebase';
import { validateSettings, type Settings } from '../settings/settings';
import { onMessage, sendMessage } from './messages';
import { updateSettings, type SettingsPlace } from './settings-store';

// One writer: every change to the settings, from any page or tab, is written by the
// background, one after another, each read-change-write on what the last one left. A
// page sends what it saw and what it wants; the change is rebased onto the settings of
// the moment (lib/settings/rebase.ts), so no concurrent change loses another.

let queue: Promise<unknown> = Promise.resolve();

/** Changes the settings in the background's queue (for the background's own changes). */
export function changeSettings(change: (settings: Settings) => Settings): Promise<SettingsPlace> {
  const run = queue.then(() => updateSettings(change));
  queue = run.catch(() => undefined);
  return run;
}

export function registerSettingsWriter(): void {
  onMessage('changeSettings', ({ data }) => {
    const from = validateSettings(data?.from).settings;
    const to = validateSettings(data?.to).settings;
    return changeSettings((current) => rebase(current, from, to));
  });
}

/** From a page: asks the background to make the change from `from` to `to`. */
export function sendSettingsChange(from: Settings, to: Settings): Promise<SettingsPlace> {
  return sendMessage('changeSettings', { from, to });
}
