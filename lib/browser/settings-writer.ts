import { rebase } from '../settings/rebase';
import { validateSettings, type Settings } from '../settings/settings';
import { onMessage, sendMessage } from './messages';
import { updateSettings, type SettingsPlace } from './settings-store';

// One writer: every change to the settings, from any page or tab, is written by the
// background, one after another, each read-change-write on what the last one left. A
// page sends what it saw and what it wants; the change is rebased onto the settings of
// the moment (lib/settings/rebase.ts), so no concurrent change loses another.
//
// Changes that arrive while a write is under way are applied together, in order of
// arrival, in the next read-change-write: a storage write costs the same for one
// change as for fifty (in Firefox, sync storage took about 0.8 s a write, and a burst
// of 50 changes queued one by one took 43 s to land).

type Change = (settings: Settings) => Settings;

interface Pending {
  change: Change;
  resolve: (place: SettingsPlace) => void;
  reject: (error: unknown) => void;
}

let pending: Pending[] = [];
let writing = false;

async function writeAll(): Promise<void> {
  while (pending.length) {
    const batch = pending;
    pending = [];
    // A change that throws fails alone; the others are written.
    const failed = new Map<Pending, unknown>();
    const apply = (settings: Settings) =>
      batch.reduce((s, p) => {
        try {
          return p.change(s);
        } catch (e) {
          failed.set(p, e);
          return s;
        }
      }, settings);
    try {
      const place = await updateSettings(apply);
      for (const p of batch) {
        if (failed.has(p)) p.reject(failed.get(p));
        else p.resolve(place);
      }
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }
  writing = false;
}

/** Changes the settings in the background's queue (for the background's own changes). */
export function changeSettings(change: Change): Promise<SettingsPlace> {
  return new Promise<SettingsPlace>((resolve, reject) => {
    pending.push({ change, resolve, reject });
    if (writing) return;
    writing = true;
    void writeAll();
  });
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
