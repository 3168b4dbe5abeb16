import { migrate } from './migrations';
import { SETTINGS_VERSION, validateSettings, type Settings } from './settings';

// Settings as a file the reader can keep or move to another browser. An import is
// all or nothing: a file with any problem is refused with its reason, and the
// current settings stay as they were.

const KIND = 'mars-lens-settings';

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
  return { ok: true, settings: valid };
}
