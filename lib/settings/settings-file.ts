import { migrate } from './migrations';
import { SETTINGS_VERSION, validateSettings, type Settings } from './settings';

// Settings as a file the reader can keep or move to another browser. An import is
// all or nothing: a file with any problem is refused with its reason, and the
// current settings stay as they were.

const KIND = 'mars-lens-settings';

/**
 * The most a settings file may hold: far more than any reader's list (a site takes about
 * 20 characters), and little enough that every frame's settings stay quick to check.
 */
export const MAX_FILE_CHARS = 512 * 1024;
export const MAX_SITES = 5000;
export const MAX_MUTED = 5000;

export interface SettingsFile {
  kind: typeof KIND;
  version: number;
  settings: Settings;
}

export function exportSettings(settings: Settings): string {
  const file: SettingsFile = { kind: KIND, version: SETTINGS_VERSION, settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; reason: string };

export function importSettings(text: string): ImportResult {
  if (text.length > MAX_FILE_CHARS)
    return {
      ok: false,
      reason: `This file is too big for a settings file (${Math.round(text.length / 1024).toLocaleString('en')} KB; at most ${MAX_FILE_CHARS / 1024} KB).`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `This file is not JSON (${(e as Error).message}).` };
  }
  if (raw === null || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== KIND) {
    return { ok: false, reason: `This is not a Mars Lens settings file (it has no "kind": "${KIND}").` };
  }
  const { version, settings } = raw as { version?: unknown; settings?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'The file has no valid "version".' };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      reason: `The file is from a newer Mars Lens (settings version ${version}; this one reads up to ${SETTINGS_VERSION}).`,
    };
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    return { ok: false, reason: 'The file has no "settings" object.' };
  }
  const migrated = migrate(settings, version, SETTINGS_VERSION);
  const { settings: valid, problems } = validateSettings(migrated);
  if (problems.length) {
    const what = problems.map((p) => p.replace(/; (using the default|dropped)$/, ''));
    return { ok: false, reason: `The file has problems: ${what.join('; ')}.` };
  }
  for (const [list, most, what] of [
    [valid.sites, MAX_SITES, 'sites'],
    [valid.exceptions, MAX_SITES, 'exceptions'],
    [valid.muted, MAX_MUTED, 'muted terms'],
  ] as const)
    if (list.length > most)
      return {
        ok: false,
        reason: `The file lists ${list.length.toLocaleString('en')} ${what}; Mars Lens keeps at most ${most.toLocaleString('en')}.`,
      };
  return { ok: true, settings: valid };
}
