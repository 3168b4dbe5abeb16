import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings, MAX_FILE_CHARS, MAX_SITES } from '../../lib/settings/settings-file';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../lib/settings/settings';

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  mode: 'only-listed',
  sites: ['a.org', 'news.b.net'],
  markStyle: 'hover-only',
  hoverDelayMs: 400,
  muted: [{ site: 'a.org', entityId: 'pixl', reason: 'wrong-meaning', alias: 'PIXL' }],
};

const file = (over: object) => JSON.stringify({ kind: 'mars-lens-settings', version: SETTINGS_VERSION, ...over });

describe('settings file', () => {
  it('round-trips every setting', () => {
    expect(importSettings(exportSettings(mine))).toEqual({ ok: true, settings: mine });
  });

  it('reads a version 1 file through the migrations', () => {
    const v1 = { mode: 'only-listed', sites: ['a.org'], paused: false, markStyle: 'underline' };
    const result = importSettings(file({ version: 1, settings: v1 }));
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, ...v1, muted: [] } });
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"kind": "mars-lens-settings", ', /^This file is not JSON \(/],
    ['another kind of file', JSON.stringify({ sites: ['a.org'] }), /not a Mars Lens settings file/],
    ['no version', JSON.stringify({ kind: 'mars-lens-settings', settings: {} }), /no valid "version"/],
    ['a newer version', file({ version: SETTINGS_VERSION + 1, settings: {} }), /newer Mars Lens/],
    ['no settings object', file({ settings: [1] }), /no "settings" object/],
    ['a bad field', file({ settings: { markStyle: 'neon' } }), /problems: markStyle: /],
    ['a bad site entry', file({ settings: { sites: ['a.org', 7] } }), /problems: sites\[1\]: not a site name/],
    [
      'a bad muted entry',
      file({ settings: { muted: [{ site: 'a.org', entityId: 'x', reason: 'boring' }] } }),
      /problems: muted\[0\]: /,
    ],
  ])('refuses %s with its reason', (_what, text, reason) => {
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('refuses a file too big to be settings, and a list longer than Mars Lens keeps, whole', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.example.org`);
    // The case: 200,000 sites, 4.3 MB.
    const huge = importSettings(file({ settings: { ...mine, sites: many(200_000) } }));
    expect(huge).toMatchObject({ ok: false, reason: expect.stringMatching(/too big.*at most 512 KB/) });
    const long = file({ settings: { ...mine, sites: many(MAX_SITES + 1) } });
    expect(long.length).toBeLessThan(MAX_FILE_CHARS);
    expect(importSettings(long)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/5,001 sites.*at most 5,000/),
    });
    expect(importSettings(file({ settings: { ...mine, sites: many(MAX_SITES) } })).ok).toBe(true);
  });
});
