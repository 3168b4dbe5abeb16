import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '../../lib/browser/settings-store';
import { changeSettings } from '../../lib/browser/settings-writer';
import { setSiteEnabled } from '../../lib/settings/settings';

// The one writer of the settings: changes made at once are all kept, those that wait
// are written together, and one that fails fails alone.

beforeEach(() => fakeBrowser.reset());

describe('the settings writer', () => {
  it('keeps 50 changes made at once, in fewer writes than changes', async () => {
    const writes = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const sites = Array.from({ length: 50 }, (_, i) => `s${i}.example`);
    await Promise.all(sites.map((site) => changeSettings((s) => setSiteEnabled(s, `https://${site}/`, false))));
    expect([...(await loadSettings()).sites].sort()).toEqual([...sites].sort());
    // The first is written alone; the 49 that queued behind it, together.
    expect(writes.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('a change that throws fails alone; the others are written', async () => {
    const results = await Promise.allSettled([
      changeSettings((s) => setSiteEnabled(s, 'https://a.org/', false)),
      changeSettings((s) => setSiteEnabled(s, 'https://b.org/', false)),
      changeSettings(() => {
        throw new Error('bad change');
      }),
      changeSettings((s) => setSiteEnabled(s, 'https://c.org/', false)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect([...(await loadSettings()).sites].sort()).toEqual(['a.org', 'b.org', 'c.org']);
  });
});
